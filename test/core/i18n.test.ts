import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExitConfigSchema } from '@ai-interview-exit/core';
import { addBundles, configResources, createI18n, deliveryMessageKey, hrResources, matchLocale, resources, type ResourceBundle } from '@ai-interview-exit/core/i18n';
import { DEFAULT_REASON_CODES } from '@ai-interview-exit/core';
import { addStepStrings, stepResources } from '@ai-interview-exit/core/i18n/steps';

/** Every leaf key with the interpolation variables its string uses. */
function leaves(node: object, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort());
    else for (const [k, v] of leaves(value as object, path)) out.set(k, v);
  }
  return out;
}

const sets = [
  ['candidate', resources['zh-CN'], resources.en],
  ["the later steps'", stepResources['zh-CN'], stepResources.en],
  ['HR', hrResources['zh-CN'], hrResources.en],
] as const;
for (const [set, zhSource, enSource] of sets) {
  describe(`${set} strings in both languages`, () => {
    const zh = leaves(zhSource);
    const en = leaves(enSource);
    it('have the same keys', () => assert.deepEqual([...zh.keys()].sort(), [...en.keys()].sort()));
    it('have the same interpolation variables in every string', () => {
      for (const [key, vars] of zh) assert.deepEqual(en.get(key), vars, key);
    });
    it('are never empty', () => {
      for (const [key] of zh) {
        assert.ok(key.split('.').reduce<any>((n, k) => n[k], zhSource).trim(), key);
        assert.ok(key.split('.').reduce<any>((n, k) => n[k], enSource).trim(), key);
      }
    });
  });
}

describe('the later steps\' strings come with them', () => {
  it('are not in a new instance, and are added once, under what a vendor replaced', () => {
    const i18n = createI18n('en', { en: { help: { human: 'Ask our team' } } });
    assert.equal(i18n.exists('help.topicLegend'), false);
    addStepStrings(i18n);
    addStepStrings(i18n);
    assert.equal(i18n.t('help.topicLegend'), 'What do you need help with?');
    assert.equal(i18n.t('help.human'), 'Ask our team', 'the vendor\'s string wins');
    assert.equal(i18n.t('resume.continue', { lng: 'zh-CN' }), '继续面试');
  });

  it('share no key with the first script\'s strings (each string is shipped once)', () => {
    const first = new Set(leaves(resources.en).keys());
    assert.deepEqual([...leaves(stepResources.en).keys()].filter((key) => first.has(key)), []);
  });
});

describe('locale resources (R23)', () => {
  const zh = leaves(resources['zh-CN']);
  const en = leaves(resources.en);

  it('cover every string the candidate sees', () => assert.ok(zh.size + leaves(stepResources['zh-CN']).size > 70 && en.size === zh.size, `${zh.size} strings`));

  it('carries the article\'s own wording', () => {
    const i18n = createI18n('zh-CN');
    addStepStrings(i18n);
    const t = i18n.t;
    assert.equal(t('exit.button'), '退出面试');
    assert.equal(t('confirm.confirm'), '确认退出');
    assert.equal(t('confirm.cancel'), '取消');
    assert.equal(t('confirm.progress', { percent: 50 }), '您已完成50%的面试，是否确定退出？');
    assert.equal(t('reentry.message'), '您已退出本次面试，是否需要重新安排？');
    assert.equal(t('resume.message'), '您上次面试未完成，是否继续？');
    assert.equal(t('confirm.voicePrompt'), '您即将退出面试，请确认是否继续');
    const hr = createI18n('zh-CN', hrResources).t;
    assert.equal(hr('notify.hr', { name: '张三', reason: hr('reason.not-interested') }), '候选人张三已退出面试，原因：对岗位不感兴趣');
    assert.equal(t('notify.hr'), 'notify.hr', 'HR strings are not in the candidate set');
  });

  it('has a label for every built-in reason code', () => {
    for (const code of DEFAULT_REASON_CODES) {
      assert.ok(zh.has(`reason.${code}`), code);
      assert.ok(en.has(`reason.${code}`), code);
    }
  });
});

describe('createI18n', () => {
  it('gives each widget its own translator, never a shared one', async () => {
    const a = createI18n('zh-CN');
    const b = createI18n('en');
    assert.notEqual(a, b);
    await a.changeLanguage('en');
    assert.equal(b.t('exit.button'), 'Exit interview');
    a.addResourceBundle('en', 'aie', { exit: { button: 'Leave' } }, true, true);
    assert.equal(a.t('exit.button'), 'Leave');
    assert.equal(b.t('exit.button'), 'Exit interview', 'resources are not shared either');
    const { default: i18next } = await import('i18next');
    assert.ok(!i18next.isInitialized, 'the global i18next is untouched');
    assert.equal(i18next.store, undefined, 'the global i18next has no resources at all');
  });

  it('lets a vendor replace any string, per locale', () => {
    const t = createI18n('en', { en: { exit: { button: 'Leave interview' } } }).t;
    assert.equal(t('exit.button'), 'Leave interview');
    assert.equal(t('exit.tooltip'), resources.en.exit.tooltip);
  });

  it('does not escape: text is rendered as text, so "<b>" stays "<b>"', () => {
    const t = createI18n('en').t;
    assert.equal(t('done.reason', { reason: '<b>A&B</b>' }), 'Reason: <b>A&B</b>');
  });

  it('adds what the config says in words: its own reasons\' labels and its help answers', () => {
    const config = ExitConfigSchema.parse({
      reasons: [{ code: 'relocation', labels: { 'zh-CN': '需要搬迁', en: 'Relocation' } }],
      help: { faq: [{ question: { 'zh-CN': '问？', en: 'Q?' }, answer: { 'zh-CN': '答。' } }] },
    });
    const overrides = configResources(config);
    assert.equal(createI18n('zh', overrides).t('reason.relocation'), '需要搬迁');
    const en = createI18n('en-GB', overrides).t;
    assert.equal(en('reason.relocation'), 'Relocation');
    assert.equal(en('help.faq.0.question'), 'Q?');
    assert.equal(en('help.faq.0.answer'), '答。', 'a language the vendor did not write falls back to zh-CN');
  });

  it('takes a vendor\'s strings as they come: junk and prototype names are left out, never thrown', () => {
    const i18n = createI18n('en');
    const junk = [
      null,
      { en: null, zh: 5, constructor: { exit: { button: 'X' } }, toString: { exit: { button: 'X' } } },
      JSON.parse('{"__proto__": {"exit": {"button": "X"}}, "en": {"__proto__": {"button": "X"}, "exit": {"button": null, "link": 5}}}'),
      { en: { exit: { button: { nested: 'X' } } } },
      { en: { exit: { button: 'Leave', link: { nested: 'X' } } } },
      { en: { help: { faq: [undefined, { question: 'Q2' }] } } },
      { en: { help: { faq: [{ question: 'Q1' }] } } },
      { en_US: { exit: { tooltip: 'Tip' } } },
    ];
    for (const bundle of junk) addBundles(i18n, bundle as Record<string, ResourceBundle>);
    assert.equal(i18n.t('exit.button'), 'Leave');
    assert.equal(i18n.t('exit.tooltip'), 'Tip');
    assert.equal(i18n.t('help.faq.0.question'), 'Q1');
    assert.equal(i18n.t('help.faq.1.question'), 'Q2');
    assert.equal(({} as Record<string, unknown>).button, undefined, 'no prototype touched');
    assert.equal(matchLocale(5 as unknown as string), null);
  });

  it('matches locales loosely and falls back to zh-CN', () => {
    assert.equal(matchLocale('zh-Hans-CN'), 'zh-CN');
    assert.equal(matchLocale('en_US'), 'en');
    assert.equal(matchLocale('fr'), null);
    assert.equal(createI18n('fr').t('confirm.cancel'), '取消');
  });
});

describe('deliveryMessageKey', () => {
  it('says "offline" only when the network is what failed', () => {
    const queued = (error: Parameters<typeof deliveryMessageKey>[0] extends infer D ? (D extends { state: 'queued'; error: infer E } ? E : never) : never) =>
      deliveryMessageKey({ state: 'queued', error });
    assert.equal(queued('network'), 'done.queued');
    assert.equal(queued('timeout'), 'done.queued');
    for (const error of ['unavailable', 'unauthorized', 'rate-limited', 'conflict', 'invalid-response'] as const) assert.equal(queued(error), 'done.queuedLater', error);
    assert.equal(deliveryMessageKey({ state: 'rejected', error: 'forbidden' }), 'done.rejected');
    assert.equal(deliveryMessageKey(null), 'done.pending');
  });
});
