// A finished interview is not an exit (bug 7), a code of the wrong shape is refused by the reducer
// (said in words by the code step), and a vendor's own reason carries its labels on the record (bug 14).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createExitStore,
  ExitConfigSchema,
  ExitRecordSchema,
  flowOptions,
  parseConfig,
  resolveExitPlan,
  type ExitConfigInput,
  type StoreEvent,
} from '@ai-interview-exit/core';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { T0, contextFor, progressAt, recordFor } from '../support/fixtures.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(config: unknown = ARTICLE_POLICY, jobType = 'engineer') {
  const codes: string[] = [];
  const events: StoreEvent[] = [];
  const adapter = createMemoryAdapter({ onCode: (code) => codes.push(code), cooldownDays: 30 });
  const store = createExitStore({ config, context: contextFor({ jobType }), adapter, onEvent: (e) => events.push(e), now: () => new Date(T0) });
  return { adapter, store, codes, events, names: () => events.map((e) => e.name) };
}

describe('a finished interview is not an exit (bug 7)', () => {
  const article = ExitConfigSchema.parse(ARTICLE_POLICY);

  it('the plan says complete only when every question is answered, and the vendor has not asked otherwise', () => {
    const plan = (answered: number, config = article) => resolveExitPlan(config, { jobType: 'engineer', stage: 'professional', progress: progressAt(answered) });
    assert.equal(plan(10).complete, true);
    assert.equal(plan(9).complete, false);
    assert.equal(resolveExitPlan(article, { jobType: 'engineer', stage: 'professional' }).complete, false, 'no progress: not known to be complete');
    const recorded = ExitConfigSchema.parse({ ...ARTICLE_POLICY, defaults: { whenComplete: 'exit' } });
    assert.equal(plan(10, recorded).complete, false);
  });

  it('a rule decides per job type: executives who finished are still recorded as an exit', () => {
    const config = ExitConfigSchema.parse({ ...ARTICLE_POLICY, rules: [...ARTICLE_POLICY.rules!, { when: { jobTypes: ['executive'] }, then: { whenComplete: 'exit' } }] });
    const at = (jobType: string) => resolveExitPlan(config, { jobType, stage: 'professional', progress: progressAt(10) }).complete;
    assert.equal(at('executive'), false);
    assert.equal(at('manager'), true);
  });

  it('whenComplete is validated: anything but complete or exit refuses the config, with a path', () => {
    const parsed = parseConfig({ defaults: { whenComplete: 'record' } } as unknown as ExitConfigInput);
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.problems[0]!.path, ['defaults', 'whenComplete']);
    assert.equal(parseConfig({ rules: [{ when: {}, then: { whenComplete: 'exit' } }] }).ok, true);
  });

  it('exit after the last answer: the complete state, no record, no cooldown; closing it is a cancel from "complete"', async () => {
    const { adapter, store, names } = setup();
    store.setProgress(progressAt(10));
    store.open('button');
    assert.deepEqual(store.getState(), { status: 'complete' });
    // Nothing a stray click sends records anything from here.
    for (const type of ['confirm', 'continueExit', 'exitUnverified'] as const) store.dispatch({ type });
    store.dispatch({ type: 'setReason', code: 'emergency' });
    assert.deepEqual(store.getState(), { status: 'complete' });
    store.dispatch({ type: 'cancel' });
    await settle();
    assert.equal(store.getState().status, 'idle');
    assert.deepEqual(names(), ['exit-cancel']);
    assert.deepEqual(adapter.exits(), []);
    assert.equal(adapter.calls.submitExit, 0);
  });

  it('the event says where the candidate left from', () => {
    const { store, events } = setup();
    store.setProgress(progressAt(10));
    store.open('api');
    store.dispatch({ type: 'cancel' });
    assert.deepEqual(events, [{ name: 'exit-cancel', step: 'complete' }]);
  });

  it('with whenComplete "exit", the finished interview is an exit as before', async () => {
    const { adapter, store } = setup({ ...ARTICLE_POLICY, defaults: { whenComplete: 'exit' } });
    store.setProgress(progressAt(10));
    store.open('button');
    assert.equal(store.getState().status, 'confirm');
    store.dispatch({ type: 'confirm' });
    await settle();
    assert.equal(adapter.exits()[0]!.progress!.answered, 10);
  });

  it('the preview built before the click is the complete view too', () => {
    const { store } = setup();
    store.setProgress(progressAt(10));
    assert.deepEqual(store.preview(), { status: 'complete' });
    assert.equal(store.getState().status, 'idle');
  });
});

describe('the code\'s shape is the reducer\'s rule (configured length)', () => {
  async function atCode(codeLength?: number) {
    const s = setup({ ...ARTICLE_POLICY, ...(codeLength ? { verification: { codeLength } } : {}) }, 'executive');
    s.store.open('button');
    s.store.dispatch({ type: 'confirm' });
    await settle();
    return s;
  }
  const verifyOf = (state: ReturnType<ReturnType<typeof setup>['store']['getState']>) => (state.status === 'verify' ? state.verify : null);

  for (const code of ['', '12', '12345', '1234567', '12a456', ' 123456', '１２３４５６']) {
    it(`refuses ${JSON.stringify(code)} for a 6-digit code with "short-code", and asks nothing of the backend`, async () => {
      const { adapter, store } = await atCode();
      store.dispatch({ type: 'submitCode', code });
      const verify = verifyOf(store.getState());
      assert.equal(verify?.phase, 'failed');
      assert.equal(verify?.phase === 'failed' && verify.error, 'short-code');
      assert.ok(verify?.challenge, 'the challenge stays: the candidate types again');
      await settle();
      assert.equal(adapter.calls.verifyCode, 0);
    });
  }

  it('a short code does not open the way out (that is for codes that cannot arrive), and the right code still goes through', async () => {
    const { adapter, store, codes } = await atCode();
    store.dispatch({ type: 'submitCode', code: '12' });
    const { canExitUnverified } = await import('@ai-interview-exit/core');
    assert.equal(canExitUnverified(verifyOf(store.getState())!), false);
    store.dispatch({ type: 'exitUnverified' });
    assert.equal(store.getState().status, 'verify');
    store.dispatch({ type: 'submitCode', code: codes[0]! });
    await settle();
    await settle();
    assert.equal(adapter.exits()[0]!.verification, 'verified');
  });

  it('follows the configured length: 4 digits are whole when the config says 4', async () => {
    const { adapter, store } = await atCode(4);
    store.dispatch({ type: 'submitCode', code: '123456' });
    assert.equal(verifyOf(store.getState())?.phase === 'failed' && (verifyOf(store.getState()) as { error: string }).error, 'short-code');
    store.dispatch({ type: 'submitCode', code: '1234' });
    assert.equal(verifyOf(store.getState())?.phase, 'checking');
    await settle();
    assert.equal(adapter.calls.verifyCode, 1);
  });

  it('each refusal is a new state, so that the step can say it again', async () => {
    const { store } = await atCode();
    store.dispatch({ type: 'submitCode', code: '1' });
    const first = store.getState();
    store.dispatch({ type: 'submitCode', code: '1' });
    assert.notEqual(store.getState(), first);
  });
});

describe('a vendor reason carries its labels (bug 14)', () => {
  const commute = { code: 'commute', labels: { 'zh-CN': '通勤太远', en: 'Commute too long' } };
  const config = { ...ARTICLE_POLICY, reasons: [{ code: 'emergency', labels: { en: 'Urgent matter' } }, commute, { code: 'salary' }] };

  it('the record of a vendor reason has the config\'s labels; it validates', async () => {
    const { adapter, store } = setup(config);
    store.open('button');
    store.dispatch({ type: 'setReason', code: 'commute' });
    store.dispatch({ type: 'confirm' });
    await settle();
    const [record] = adapter.exits();
    assert.deepEqual(record!.reason, { code: 'commute', text: '', labels: commute.labels });
    assert.equal(ExitRecordSchema.safeParse(record).success, true);
  });

  it('a code without labels, and free text alone, carry none', async () => {
    for (const [code, text] of [['salary', ''], [null, '太远了']] as const) {
      const { adapter, store } = setup(config);
      store.open('button');
      store.dispatch({ type: 'setReason', code });
      store.dispatch({ type: 'setReasonText', text });
      store.dispatch({ type: 'confirm' });
      await settle();
      assert.equal('labels' in adapter.exits()[0]!.reason!, false);
    }
  });

  it('flowOptions keeps labels by own key only', () => {
    const options = flowOptions(ExitConfigSchema.parse({ reasons: [{ code: 'constructor', labels: { en: 'A constructor' } }, { code: 'x' }] }));
    assert.deepEqual(options.labels, { constructor: { en: 'A constructor' } });
    assert.equal(Object.hasOwn(options.labels, 'x'), false);
  });

  it('bounded: 80 characters and 8 languages at most, BCP 47 keys, in the config and on the record', () => {
    const labels = (entries: [string, string][]) => Object.fromEntries(entries);
    const eight = labels(['en', 'zh-CN', 'fr', 'de', 'ja', 'ko', 'es', 'it'].map((l) => [l, 'x']));
    const nine = { ...eight, pt: 'x' };
    const reason = (l: Record<string, string>) => recordFor({ reason: { code: 'commute', text: '', labels: l } });
    assert.equal(ExitRecordSchema.safeParse(reason(eight)).success, true);
    assert.equal(ExitRecordSchema.safeParse(reason(nine)).success, false);
    assert.equal(ExitRecordSchema.safeParse(reason({ en: 'x'.repeat(81) })).success, false);
    assert.equal(ExitRecordSchema.safeParse(reason({ en: '' })).success, false);
    assert.equal(ExitRecordSchema.safeParse(reason({ 'not a tag': 'x' })).success, false);
    assert.equal(parseConfig({ reasons: [{ code: 'commute', labels: nine }] }).ok, false, 'a config whose labels could not travel is refused');
    assert.equal(parseConfig({ reasons: [{ code: 'commute', labels: eight }] }).ok, true);
  });
});

describe('a vendor reason in words, for HR and the candidate (bug 14)', async () => {
  const { reasonBreakdown, reasonWords, toCsv, parseCsv, vendorLabel } = await import('@ai-interview-exit/core/insights');
  const COMMUTE = { 'zh-CN': '通勤太远', en: 'Commute too long' };
  const translate = (code: string) => ({ emergency: 'An emergency' })[code] ?? null;

  it("picks the reader's locale, then its language, then zh-CN, then English, then any", () => {
    assert.equal(vendorLabel(COMMUTE, 'en'), 'Commute too long');
    assert.equal(vendorLabel(COMMUTE, 'EN-us'), 'Commute too long');
    assert.equal(vendorLabel(COMMUTE, 'zh-TW'), '通勤太远');
    assert.equal(vendorLabel(COMMUTE, 'fr'), '通勤太远');
    assert.equal(vendorLabel({ de: 'Pendeln', en: 'Commute' }, 'fr'), 'Commute');
    assert.equal(vendorLabel({ de: 'Pendeln' }, 'fr'), 'Pendeln');
    assert.equal(vendorLabel(undefined, 'en'), null);
    assert.equal(vendorLabel({ en: '\u0000\r\n' }, 'en'), null, 'nothing but control characters is no label');
  });

  it('one line of text: control characters, line breaks and bidi overrides become a space; HTML stays as written', () => {
    assert.equal(vendorLabel({ en: 'Long\r\n\tcommute\u0007 \u202e<img src=x onerror=alert(1)>' }, 'en'), 'Long commute <img src=x onerror=alert(1)>');
  });

  it('a built-in code is translated whatever labels came with it; a vendor code without labels is the translation, else the code', () => {
    assert.equal(reasonWords({ code: 'emergency', labels: { en: 'Fake' } }, 'en', translate), 'An emergency');
    assert.equal(reasonWords({ code: 'commute', labels: COMMUTE }, 'en', translate), 'Commute too long');
    assert.equal(reasonWords({ code: 'commute' }, 'en', () => 'From my config'), 'From my config');
    assert.equal(reasonWords({ code: 'commute' }, 'en', translate), 'commute');
    assert.equal(reasonWords({ code: null }, 'en', translate), null);
  });

  it('the breakdown keeps the labels the newest exit of a code carried, and a CSV cell holds them as text', () => {
    const exits = [
      recordFor({ reason: { code: 'commute', text: '', labels: COMMUTE } }),
      recordFor({ reason: { code: 'commute', text: '', labels: { en: 'Older words' } } }),
      recordFor({ reason: { code: 'emergency', text: '' } }),
      recordFor({ reason: null }),
    ];
    const breakdown = reasonBreakdown(exits);
    assert.deepEqual(breakdown[0], { code: 'commute', count: 2, share: 0.5, labels: COMMUTE });
    assert.equal(breakdown.find((r) => r.code === 'emergency')!.labels, undefined);
    const csv = toCsv(['Reason'], [[reasonWords(exits[0]!.reason!, 'en', translate)!], ['=HYPERLINK("x")']]);
    assert.deepEqual(parseCsv(csv), [['Reason'], ['Commute too long'], ["'=HYPERLINK(\"x\")"]]);
  });
});
