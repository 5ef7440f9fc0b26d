// Our translator against i18next itself (a devDependency, the reference): for every shipped key and a
// table of options, languages and vendor strings, both return the same string. i18next is set up as
// `createI18n` set it up when it used i18next, and given bundles as `addBundles` gave them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import i18next, { type i18n, type Resource } from 'i18next';
import { ExitConfigSchema } from '@ai-interview-exit/core';
import {
  addBundles,
  configResources,
  createI18n,
  DEFAULT_LOCALE,
  hrResources,
  matchLocale,
  NAMESPACE,
  resources,
  SUPPORTED_LOCALES,
  type ResourceBundle,
  type TranslateOptions,
  type Translator,
} from '@ai-interview-exit/core/i18n';
import { addStepStrings, stepResources } from '@ai-interview-exit/core/i18n/steps';
import { LOCALE_TAG } from '../../packages/core/src/schemas/locale-tag.js';

type Bundles = Record<string, ResourceBundle>;

/** Strings and groups by own keys, as i18next was given them. */
function textsOnly(value: unknown): unknown {
  if (!value || typeof value !== 'object') return typeof value === 'string' ? value : undefined;
  const texts: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) texts[key] = textsOnly((value as Record<string, unknown>)[key]);
  return texts;
}

function referenceBundles(instance: i18n, ...bundles: Bundles[]): void {
  for (const bundle of bundles) {
    for (const [key, messages] of Object.entries(bundle)) {
      const lng = matchLocale(key) ?? (LOCALE_TAG.test(key) ? key : null);
      const texts = textsOnly(messages);
      if (lng && typeof texts === 'object') instance.addResourceBundle(lng, NAMESPACE, texts, true, true);
    }
  }
}

function reference(locale: string, ...bundles: Bundles[]): i18n {
  const resource: Resource = {};
  for (const lng of SUPPORTED_LOCALES) resource[lng] = { [NAMESPACE]: structuredClone(resources[lng]) };
  const instance = i18next.createInstance();
  void instance.init({
    lng: matchLocale(locale) ?? locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: false,
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    resources: resource,
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  referenceBundles(instance, ...bundles);
  return instance;
}

function referenceSteps(instance: i18n): void {
  for (const [lng, texts] of Object.entries(stepResources)) instance.addResourceBundle(lng, NAMESPACE, structuredClone(texts), true, false);
}

/** Every leaf key of a set of strings. */
function leaves(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value as object, `${prefix}${key}.`),
  );
}

const shipped = [resources, stepResources, hrResources].flatMap((set) => Object.values(set).flatMap((strings) => leaves(strings)));
/** Every variable any shipped string interpolates. */
const variables = [...new Set([resources, stepResources, hrResources].flatMap((set) => Object.values(set).flatMap((strings) => JSON.stringify(strings).match(/\{\{[^}]+\}\}/g) ?? [])))].map(
  (match) => match.slice(2, -2).trim(),
);

// What a vendor may bring: its config's words, and replacements with plurals and contexts of its own.
const config = ExitConfigSchema.parse({
  reasons: [{ code: 'relocation', labels: { 'zh-CN': '需要搬迁', en: 'Relocation', 'fr-CA': 'Déménagement' } }, { code: 'none' }],
  help: { faq: [{ question: { 'zh-CN': '问？', en: 'Q?' }, answer: { 'zh-CN': '答。' } }, { question: { en: 'Second?' }, answer: { en: 'Yes.' } }] },
});
const messages: Bundles = {
  en: {
    exit: { button: 'Leave the interview', tooltip: '' },
    verify: { attemptsLeft_one: 'One try left', attemptsLeft_other: '{{count}} tries left', incomplete_zero: 'Enter the code' },
    done: { message_keep: 'Kept: {{reason}}', deletionReceipt_completed_one: 'Done ({{count}})', deletionReceipt_received_other: 'Received ({{count}})' },
    report: { personRequests_one: 'One person request', personRequests_other: '{{count}} person requests' },
    custom: { nested: { deeper: 'Deep {{a}} and {{ b }} and {{-c}}' }, empty: '' },
  } as ResourceBundle,
  'en-US': { reason: { counter: '{{count}} of {{max}}' } } as ResourceBundle,
  zh: { done: { message_anonymise: '已匿名化' }, verify: { attemptsLeft_other: '还剩{{count}}次' } } as ResourceBundle,
  fr: { exit: { button: "Quitter l'entretien" }, verify: { attemptsLeft_one: '{{count}} essai', attemptsLeft_many: '{{count}} essais (many)', attemptsLeft_other: '{{count}} essais' } } as ResourceBundle,
  'fr-CA': { exit: { tooltip: 'Infobulle' } } as ResourceBundle,
  ar: { verify: { attemptsLeft_zero: 'صفر', attemptsLeft_two: 'اثنان', attemptsLeft_few: 'قليل', attemptsLeft_other: 'آخر' } } as ResourceBundle,
  de: { 'custom.flat': 'Flach {{a}}', 'exit.link': 'Flacher Link' } as unknown as ResourceBundle,
};

const keys = [
  ...new Set([
    ...shipped,
    ...shipped.map((key) => key.replace(/_[a-z]+$/, '')),
    ...leaves(messages.en!),
    'verify.attemptsLeft',
    'verify.incomplete',
    'report.personRequests',
    'reason.relocation',
    'help.faq.0.question',
    'help.faq.0.answer',
    'help.faq.1.answer',
    'help.faq.2.question',
    'custom.flat',
    'custom.nested',
    'custom.missing',
    'exit',
    'exit.button.more',
    'nothing.at.all',
    'no-group',
    'toString',
    'constructor.name',
    '__proto__',
    'exit.__proto__',
    'a key with spaces',
    '',
  ]),
];

const values = Object.fromEntries(variables.map((name) => [name, `<${name}>`]));
/** What every key is asked with. */
const everyKey: (TranslateOptions | undefined)[] = [
  undefined,
  values,
  { count: 0 },
  { ...values, count: 1 },
  { ...values, count: 5 },
  { ...values, context: 'delete', count: 2 },
  { defaultValue: 'Default {{a}}', a: 'A' },
];
/** Keys with plurals, contexts or odd shapes somewhere: asked with every option below. */
const focus = new Set(keys.filter((key) => /^(custom|exit|help|reason|verify\.(attemptsLeft|incomplete)|report\.personRequests|done\.(message|deletionReceipt))([._]|$)/.test(key) || !key.includes('.')));
const options: (TranslateOptions | undefined)[] = [
  undefined,
  {},
  values,
  { count: 0 },
  { count: 1 },
  { count: 2 },
  { count: 5 },
  { count: 11 },
  { count: 1.5 },
  { ...values, count: 0 },
  { ...values, count: 1 },
  { ...values, count: 5 },
  ...['keep', 'anonymise', 'delete', 'received', 'completed', 'unknown', ''].flatMap((context) => [
    { ...values, context },
    { ...values, context, count: 1 },
    { ...values, context, count: 0 },
  ]),
  { defaultValue: 'relocation' },
  { defaultValue: 'Default {{a}}', a: 'A', count: 2 },
  { defaultValue: '' },
  { a: 1, b: null, c: undefined },
  { reason: '<b>A&B</b>', name: '{{name}}', time: '$t(exit.button)', id: 0, percent: false },
  { lng: 'en' },
  { lng: 'zh-CN', count: 1, ...values },
  { lng: 'fr-CA', count: 1 },
];

const locales = ['zh-CN', 'en', 'en-US', 'en_GB', 'zh-TW', 'fr', 'FR-ca', 'ar', 'de', 'sr-Latn-RS', 'klingon', '', 'not a tag!'];

/** Every key under every option: where the two differ, the first few differences. */
function differences(ours: Translator, theirs: i18n, label: string): string[] {
  const found: string[] = [];
  if (ours.language !== theirs.language) found.push(`${label}: language ${ours.language} ≠ ${theirs.language}`);
  for (const key of keys) {
    for (const option of focus.has(key) ? options : everyKey) {
      const a = ours.t(key, option);
      const b = (theirs.t as unknown as Translator['t'])(key, option);
      if (a !== b) found.push(`${label}: t(${JSON.stringify(key)}, ${JSON.stringify(option)}): ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
      if (option === undefined && ours.exists(key) !== theirs.exists(key)) found.push(`${label}: exists(${JSON.stringify(key)}, ${JSON.stringify(option)})`);
    }
  }
  return found.slice(0, 10);
}

describe('the translator and i18next return the same strings', () => {
  const setups: [string, Bundles[], boolean][] = [
    ['the candidate strings', [], false],
    ['with the later steps', [], true],
    ["with HR's strings", [hrResources], false],
    ["with a config's words and a vendor's replacements", [configResources(config), messages], true],
  ];
  for (const [name, bundles, steps] of setups) {
    // Every language for the vendor's strings, which hold some; the shipped ones know two.
    const some = bundles.length > 1 ? locales : ['zh-CN', 'en', 'en-US', 'fr', ''];
    it(`${name}, created in each language`, () => {
      const found: string[] = [];
      for (const locale of some) {
        const ours = createI18n(locale, ...bundles);
        const theirs = reference(locale, ...bundles);
        if (steps) {
          addStepStrings(ours);
          referenceSteps(theirs);
        }
        found.push(...differences(ours, theirs, `createI18n(${JSON.stringify(locale)})`));
      }
      assert.deepEqual(found, []);
    });
  }

  it('after every change of language, languageChanged heard alike', async () => {
    const ours = createI18n('en', configResources(config), messages);
    const theirs = reference('en', configResources(config), messages);
    const heard: [string[], string[]] = [[], []];
    const listeners = [(lng: string) => heard[0].push(lng), (lng: string) => heard[1].push(lng)] as const;
    ours.on('languageChanged', listeners[0]);
    theirs.on('languageChanged', listeners[1]);
    const found: string[] = [];
    for (const locale of [...locales, '__proto__', 'a'.repeat(200), 'en..x', 'en-US', 'en-US']) {
      await ours.changeLanguage(locale);
      await theirs.changeLanguage(locale);
      found.push(...differences(ours, theirs, `changeLanguage(${JSON.stringify(locale.slice(0, 20))})`));
    }
    assert.deepEqual(found, []);
    assert.deepEqual(heard[0], heard[1]);
    ours.off('languageChanged', listeners[0]);
    theirs.off('languageChanged', listeners[1]);
    await ours.changeLanguage('zh-CN');
    await theirs.changeLanguage('zh-CN');
    assert.deepEqual(heard[0], heard[1], 'nothing heard once off');
  });

  it('merges as i18next merges: replacements win, the later steps do not replace a vendor\'s strings, empty strings fall back', () => {
    const ours = createI18n('en', messages);
    const theirs = reference('en', messages);
    ours.addResourceBundle('en', NAMESPACE, { exit: { link: 'Kept' } }, true, false);
    theirs.addResourceBundle('en', NAMESPACE, { exit: { link: 'Kept' } }, true, false);
    ours.addResourceBundle('en', NAMESPACE, { extra: { a: 'A' } }, false, false);
    theirs.addResourceBundle('en', NAMESPACE, { extra: { a: 'A' } }, false, false);
    ours.addResourceBundle('en', 'other', { exit: { button: 'Other namespace' } }, true, true);
    theirs.addResourceBundle('en', 'other', { exit: { button: 'Other namespace' } }, true, true);
    assert.deepEqual(differences(ours, theirs, 'merged'), []);
    assert.equal(ours.t('exit.tooltip'), resources['zh-CN'].exit.tooltip, 'an empty replacement falls back to zh-CN, as in i18next');
  });
});

describe('where the translator means to differ from i18next', () => {
  it('shows `$t(…)` as written: no nesting, so a vendor\'s string can never pull in another', () => {
    assert.equal(createI18n('en', { en: { exit: { button: 'Leave $t(exit.tooltip)' } } }).t('exit.button'), 'Leave $t(exit.tooltip)');
    const all = [resources, stepResources, hrResources].flatMap((set) => Object.values(set).map((strings) => JSON.stringify(strings)));
    assert.ok(all.every((text) => !text.includes('$t(')), 'no shipped string nests');
    assert.ok(all.every((text) => !/\{\{[^}]*,/.test(text)), 'no shipped string formats');
  });

  it('never lets a group replace a string, nor a string a group', () => {
    const t = createI18n('en', { en: { exit: { button: { nested: 'X' } }, reason: 'flat' } as unknown as ResourceBundle }).t;
    assert.equal(t('exit.button'), 'Exit interview');
    assert.equal(t('reason.none'), 'Prefer not to say');
  });

  it('keeps a reason code named `constructor` as a key (i18next drops it)', () => {
    const t = createI18n('en', { en: { reason: { constructor: 'Building work' } } }).t;
    assert.equal(t('reason.constructor'), 'Building work');
  });
});

describe('a hostile bundle', () => {
  it('touches no prototype, whatever its keys', () => {
    const i18n = createI18n('en');
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "en": {"__proto__": {"polluted": "yes", "exit": {"button": "X"}}, "constructor": {"prototype": {"polluted": "yes"}}, "exit": {"__proto__": "x", "button": "Leave"}}}',
    );
    addBundles(i18n, hostile);
    i18n.addResourceBundle('__proto__', NAMESPACE, { polluted: 'yes' }, true, true);
    i18n.addResourceBundle('en', NAMESPACE, hostile.__proto__, true, true);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.equal(i18n.t('exit.button'), 'Leave');
    assert.equal(i18n.t('__proto__.polluted'), 'yes', 'a `__proto__` key is a key like any other');
    assert.equal(i18n.t('exit.__proto__'), 'x');
    assert.equal(i18n.t('toString'), 'toString');
    assert.equal(i18n.t('exit.hasOwnProperty'), 'exit.hasOwnProperty');
    assert.equal(i18n.t('done.reason', JSON.parse('{"__proto__": {"reason": "polluted"}}')), 'Reason: {{reason}}');
    assert.equal(i18n.t('done.reason', { reason: { toString: () => 'from an object' } }), 'Reason: from an object');
  });

  it('nested 100,000 deep, never throws and keeps only the groups within bounds', () => {
    let deep: Record<string, unknown> = { text: 'bottom' };
    for (let level = 0; level < 100_000; level++) deep = { g: deep };
    const i18n = createI18n('en');
    assert.doesNotThrow(() => addBundles(i18n, { en: { deep } as ResourceBundle }));
    assert.equal(i18n.t(`deep.${'g.'.repeat(99_999)}g.text`), `deep.${'g.'.repeat(99_999)}g.text`);
    const shallow = createI18n('en', { en: { deep: { g: { g: { text: 'near' } } } } as ResourceBundle });
    assert.equal(shallow.t('deep.g.g.text'), 'near');
  });

  it('with 10,000 keys, or 100,000, never throws: the first 20,000 entries are kept', () => {
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`k${index}`, `v${index}`]));
    const i18n = createI18n('en', { en: { many } as ResourceBundle });
    assert.equal(i18n.t('many.k0'), 'v0');
    assert.equal(i18n.t('many.k9999'), 'v9999');
    const huge = Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [`k${index}`, 'v']));
    assert.doesNotThrow(() => i18n.addResourceBundle('en', NAMESPACE, { huge }, true, true));
    assert.equal(i18n.t('huge.k19000'), 'v');
    assert.equal(i18n.t('huge.k99999'), 'huge.k99999');
  });

  it('leaves out what is no text, and strings longer than 4,000 characters', () => {
    const junk = { en: { exit: { button: 5, link: null, tooltip: () => 'fn' }, confirm: { title: 'x'.repeat(4001), cancel: 'Back' }, list: ['a', undefined, 'c'] } };
    const i18n = createI18n('en', junk as unknown as Bundles);
    assert.equal(i18n.t('exit.button'), 'Exit interview');
    assert.equal(i18n.t('exit.link'), 'Exit interview');
    assert.equal(i18n.t('exit.tooltip'), resources.en.exit.tooltip);
    assert.equal(i18n.t('confirm.title'), resources.en.confirm.title);
    assert.equal(i18n.t('confirm.cancel'), 'Back');
    assert.equal(i18n.t('list.2'), 'c');
    assert.doesNotThrow(() => i18n.addResourceBundle('en', NAMESPACE, 'a string', true, true));
    assert.doesNotThrow(() => i18n.addResourceBundle('en', NAMESPACE, null, true, true));
  });

  it('interpolates at most 1,000 values in one string, as i18next', () => {
    const defaultValue = '{{a}}'.repeat(1001);
    assert.equal(createI18n('en').t('missing', { defaultValue, a: 'x' }), `${'x'.repeat(1000)}{{a}}`);
    assert.equal(reference('en').t('missing', { defaultValue, a: 'x' }), `${'x'.repeat(1000)}{{a}}`);
  });
});
