// The exit flow driven through the store and the memory adapter, one scenario at a time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createExitStore, ExitRecordSchema, type ExitAdapter, type StoreEvent } from '@ai-interview-exit/core';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { T0, contextFor, progressAt } from '../support/fixtures.js';
import { settle } from '../support/wait.js';


function setup(jobType = 'engineer', config: unknown = ARTICLE_POLICY, adapterOptions = {}) {
  const codes: string[] = [];
  const events: StoreEvent[] = [];
  const adapter = createMemoryAdapter({ onCode: (code) => codes.push(code), cooldownDays: 30, ...adapterOptions });
  const store = createExitStore({ config, context: contextFor({ jobType }), adapter, onEvent: (e) => events.push(e), now: () => new Date(T0) });
  const names = () => events.map((e) => e.name);
  return { adapter, store, codes, events, names };
}

describe('confirm → done', () => {
  it('20 rapid clicks on Confirm make exactly one record, with progress and time', async () => {
    const { adapter, store, names } = setup();
    store.setProgress(progressAt(7));
    store.open('button');
    store.dispatch({ type: 'setReason', code: 'emergency' });
    for (let i = 0; i < 20; i += 1) store.dispatch({ type: 'confirm' });
    await settle();
    assert.equal(adapter.calls.submitExit, 1);
    const [record] = adapter.exits();
    assert.equal(record!.progress!.answered, 7);
    assert.equal(record!.exitedAt, T0);
    assert.deepEqual(record!.reason, { code: 'emergency', text: '' });
    assert.deepEqual(names(), ['exit-confirm', 'exit-complete']);
    const state = store.getState();
    assert.equal(state.status === 'done' && state.delivery.state, 'delivered');
  });

  it('a required reason holds the confirm until one is given', async () => {
    const { adapter, store } = setup('engineer', { defaults: { reason: 'required' } });
    store.open('link');
    store.dispatch({ type: 'confirm' });
    const state = store.getState();
    assert.equal(state.status === 'confirm' && state.problem, 'reason-required');
    store.dispatch({ type: 'setReasonText', text: '  家里有急事  ' });
    store.dispatch({ type: 'confirm' });
    await settle();
    assert.deepEqual(adapter.exits()[0]!.reason, { code: null, text: '家里有急事' });
    assert.equal(adapter.exits()[0]!.source, 'link');
  });

  it('offline: the candidate is out at once and the exit is queued', async () => {
    const { adapter, store, names } = setup();
    adapter.fail('submitExit', 'network');
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await settle();
    const state = store.getState();
    assert.equal(state.status, 'done');
    assert.equal(state.status === 'done' && state.delivery.state, 'queued');
    assert.deepEqual(names(), ['exit-confirm', 'exit-queued']);
  });

  it('front-line roles are flagged for HR review, and the receipt says so (R17)', async () => {
    const { adapter, store } = setup('frontline');
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await settle();
    assert.equal(adapter.exits()[0]!.hrReview, true);
    const state = store.getState();
    assert.equal(state.status === 'done' && state.delivery.state === 'delivered' && state.delivery.receipt.status, 'under-review');
  });

  it('a deletion request travels with the exit and returns a receipt (R10)', async () => {
    const { adapter, store, events } = setup();
    store.open('button');
    store.dispatch({ type: 'setDataChoice', choice: 'delete' });
    store.dispatch({ type: 'confirm' });
    await settle();
    assert.equal(adapter.deletions().length, 1);
    assert.equal(adapter.deletions()[0]!.request.scope, 'delete');
    const complete = events.find((e) => e.name === 'deletion-complete');
    assert.ok(complete && complete.name === 'deletion-complete' && complete.receipt.requestId.startsWith('del-'));
    assert.ok(events.some((e) => e.name === 'deletion-request'));
  });

  it('asking for a person travels with the exit (PIPL art. 24); unasked, the record says false', async () => {
    const { adapter, store } = setup('engineer', { defaults: { reason: 'required' } });
    store.open('button');
    store.dispatch({ type: 'setPersonRequested', requested: true });
    store.dispatch({ type: 'confirm' });
    const state = store.getState();
    // The draft keeps it across the required-reason stop.
    assert.equal(state.status === 'confirm' && state.session.draft.personRequested, true);
    store.dispatch({ type: 'setReason', code: 'other' });
    store.dispatch({ type: 'confirm' });
    await settle();
    assert.equal(adapter.exits()[0]!.personRequested, true);

    const plain = setup();
    plain.store.open('button');
    plain.store.dispatch({ type: 'confirm' });
    await settle();
    assert.equal(plain.adapter.exits()[0]!.personRequested, false);
  });

  it('a record kept by an earlier version, without the request, reads as not asked', async () => {
    const { adapter, store } = setup();
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await settle();
    const { personRequested, ...old } = adapter.exits()[0]!;
    assert.equal(personRequested, false);
    assert.equal(ExitRecordSchema.parse(old).personRequested, false);
  });

  it('"not interested" asks the adapter to recommend other roles (R25)', async () => {
    const { adapter, store } = setup();
    store.open('button');
    store.dispatch({ type: 'setReason', code: 'not-interested' });
    store.dispatch({ type: 'confirm' });
    await settle();
    assert.deepEqual(adapter.followUps().map((f) => f.kind), ['recommend-roles']);
  });

  it('a reason named like an Object.prototype member ("constructor") has no follow-up unless the config gives it one', async () => {
    const { adapter, store, events } = setup('engineer', { reasons: [{ code: 'constructor', labels: { en: 'Builder' } }] });
    store.open('button');
    store.dispatch({ type: 'setReason', code: 'constructor' });
    store.dispatch({ type: 'confirm' });
    await settle();
    assert.equal(adapter.exits()[0]!.reason!.code, 'constructor');
    assert.equal(adapter.calls.followUp, 0);
    assert.deepEqual(events.filter((e) => e.name === 'error'), []);
  });

  it('cancel returns to idle and tells the host', () => {
    const { adapter, store, names } = setup();
    store.open('button');
    store.dispatch({ type: 'setReasonText', text: 'x' });
    store.dispatch({ type: 'cancel' });
    assert.equal(store.getState().status, 'idle');
    assert.deepEqual(names(), ['exit-cancel']);
    assert.equal(adapter.calls.submitExit, 0);
  });
});

describe('second verification (R6)', () => {
  it('the right code exits, verified; the code never passes through the store state', async () => {
    const { adapter, store, codes } = setup('executive');
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await settle();
    const sent = store.getState();
    assert.equal(sent.status === 'verify' && sent.verify.phase, 'sent');
    assert.ok(!JSON.stringify(sent).includes(codes[0]!), 'the code is not in the state');
    store.dispatch({ type: 'submitCode', code: codes[0]! });
    await settle();
    await settle();
    assert.equal(adapter.exits()[0]!.verification, 'verified');
  });

  it('a wrong code keeps the reason the candidate wrote (WCAG 3.3.7) and counts attempts down', async () => {
    const { store } = setup('executive');
    store.open('button');
    store.dispatch({ type: 'setReasonText', text: '孩子发烧，需要去医院' });
    store.dispatch({ type: 'confirm' });
    await settle();
    store.dispatch({ type: 'submitCode', code: '000000' });
    await settle();
    const state = store.getState();
    assert.equal(state.status, 'verify');
    if (state.status !== 'verify') return;
    assert.equal(state.verify.phase, 'failed');
    assert.equal(state.verify.phase === 'failed' && state.verify.error, 'wrong-code');
    assert.equal(state.verify.challenge?.attemptsLeft, 4);
    assert.equal(state.session.draft.reasonText, '孩子发烧，需要去医院');
  });

  it('locked after five wrong codes: the way out records an unverified exit for HR', async () => {
    const { adapter, store, codes } = setup('executive');
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await settle();
    for (let i = 0; i < 5; i += 1) {
      store.dispatch({ type: 'submitCode', code: codes[0] === '111111' ? '222222' : '111111' });
      await settle();
    }
    const locked = store.getState();
    assert.equal(locked.status === 'verify' && locked.verify.phase, 'locked');
    store.dispatch({ type: 'exitUnverified' });
    await settle();
    const [record] = adapter.exits();
    assert.equal(record!.verification, 'unverified');
    assert.equal(record!.hrReview, true);
  });

  it('when no code can be sent the candidate can still leave', async () => {
    const { adapter, store } = setup('executive');
    adapter.fail('sendCode', 'unavailable');
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await settle();
    const state = store.getState();
    assert.equal(state.status === 'verify' && state.verify.phase === 'failed' && state.verify.error, 'unavailable');
    store.dispatch({ type: 'exitUnverified' });
    await settle();
    assert.equal(adapter.exits()[0]!.verification, 'unverified');
  });

  it('when the page could not fetch the code step the candidate can still leave, unverified for HR', async () => {
    const { adapter, store } = setup('executive');
    store.open('button');
    store.dispatch({ type: 'confirm' });
    store.dispatch({ type: 'codeStepUnavailable' });
    const state = store.getState();
    assert.equal(state.status === 'verify' && state.verify.phase === 'failed' && state.verify.error, 'unavailable');
    store.dispatch({ type: 'exitUnverified' });
    await settle();
    const [record] = adapter.exits();
    assert.equal(record!.verification, 'unverified');
    assert.equal(record!.hrReview, true);
  });

  it('a resend before its time is ignored; after it a new code is sent', async () => {
    let clock = Date.parse(T0);
    const adapter = createMemoryAdapter({ now: () => new Date(clock) });
    const store = createExitStore({ config: ARTICLE_POLICY, context: contextFor({ jobType: 'executive' }), adapter, now: () => new Date(clock) });
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await settle();
    store.dispatch({ type: 'resendCode', at: new Date(clock + 10_000).toISOString() });
    assert.equal(adapter.calls.sendCode, 1);
    clock += 61_000;
    store.dispatch({ type: 'resendCode', at: new Date(clock).toISOString() });
    await settle();
    assert.equal(adapter.calls.sendCode, 2);
  });
});

describe('entry points and the boundary', () => {
  it('re-entry: an exited interview shows the R14 prompt and cannot be exited twice', async () => {
    const { store, adapter } = setup('engineer', {}, {
      statuses: [{ interviewId: 'iv-1', status: 'exited', exitedAt: T0, cooldownUntil: null }],
    });
    await store.checkStatus();
    assert.equal(store.getState().status, 'reentry');
    store.open('button');
    assert.equal(store.getState().status, 'reentry');
    assert.equal(adapter.calls.submitExit, 0);
  });

  it('resume: an unfinished interview is offered, and continuing tells the host (R15)', () => {
    const { store, names } = setup();
    store.dispatch({ type: 'resumeFound', snapshot: progressAt(4) });
    assert.equal(store.getState().status, 'resume');
    store.dispatch({ type: 'resumeAccepted' });
    assert.equal(store.getState().status, 'idle');
    assert.deepEqual(names(), ['resume']);
  });

  it('a trapping config is refused: an error event, and the safe plan still lets the candidate out', async () => {
    const { store, adapter, events } = setup('engineer', { exitEnabled: false, defaults: { review: 'before-exit' } });
    await settle();
    const error = events.find((e) => e.name === 'error');
    assert.ok(error && error.name === 'error' && error.code === 'config-invalid');
    assert.deepEqual(error.problems?.map((p) => p.code).sort(), ['exit-disabled', 'review-before-exit']);
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await settle();
    assert.equal(adapter.exits().length, 1);
  });

  it('a malformed adapter answer is an error, never trusted', async () => {
    const memory = createMemoryAdapter();
    const liar: ExitAdapter = { ...memory, submitExit: async () => ({ ok: true }) as never };
    const store = createExitStore({ context: contextFor(), adapter: liar });
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await settle();
    const state = store.getState();
    assert.equal(state.status === 'done' && state.delivery.state === 'queued' && state.delivery.error, 'invalid-response');
  });

  it('two stores share nothing', async () => {
    const a = setup();
    const b = setup();
    a.store.open('button');
    assert.equal(b.store.getState().status, 'idle');
    a.store.dispatch({ type: 'confirm' });
    await settle();
    assert.equal(a.adapter.exits().length, 1);
    assert.equal(b.adapter.exits().length, 0);
  });

  it('the help offer hands off to a person and then lets the candidate exit (R27)', async () => {
    const { store, adapter } = setup('engineer', { defaults: { helpOffer: true } });
    store.open('button');
    assert.equal(store.getState().status, 'help');
    store.dispatch({ type: 'requestHandoff', topic: 'reschedule', message: '' });
    await settle();
    const help = store.getState();
    assert.equal(help.status === 'help' && help.handoff.status, 'done');
    assert.equal(adapter.handoffs().length, 1);
    store.dispatch({ type: 'continueExit' });
    assert.equal(store.getState().status, 'confirm');
  });
});

describe('store.setContext', () => {
  it('a new stage changes the next plan without a new store (R18)', () => {
    const { store } = setup('engineer');
    store.setContext({ stage: 'self-introduction' });
    store.open('button');
    const free = store.getState();
    assert.equal(free.status === 'confirm' && free.session.plan.gate, 'free');
    store.dispatch({ type: 'cancel' });
    store.setContext({ stage: 'professional' });
    store.open('button');
    const confirm = store.getState();
    assert.equal(confirm.status === 'confirm' && confirm.session.plan.gate, 'confirm');
    assert.equal(confirm.status === 'confirm' && confirm.session.context.stage, 'professional');
  });
});

describe('store.preview', () => {
  it('is what opening would show now, without opening or telling anyone', () => {
    const { store, events } = setup('engineer');
    let notified = 0;
    store.subscribe(() => notified++);
    store.setProgress(progressAt(3));
    const before = store.preview();
    assert.equal(store.getState().status, 'idle');
    assert.equal(notified, 0);
    assert.deepEqual(events, []);
    assert.equal(before.status, 'confirm');
    // It follows the progress and the stage given since.
    store.setProgress(progressAt(9));
    store.setContext({ stage: 'self-introduction' });
    const after = store.preview();
    assert.equal(after.status === 'confirm' && after.session.context.progress?.answered, 9);
    assert.equal(after.status === 'confirm' && after.session.plan.gate, 'free');
    store.open('button');
    const opened = store.getState();
    assert.deepEqual(opened.status === 'confirm' && opened.session.plan, after.status === 'confirm' && after.session.plan);
  });

  it('shows the help offer first where the plan begins with it, and nothing new while a flow is open', () => {
    const { store } = setup('engineer', { defaults: { helpOffer: true } });
    const preview = store.preview();
    assert.equal(preview.status, 'help');
    store.open('button');
    assert.equal(store.getState().status, 'help');
    assert.equal(store.preview(), store.getState());
  });
});
