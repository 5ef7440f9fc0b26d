import { LOCALE_TAG } from '../schemas/locale-tag.js';
import type { ExitConfig } from '../schemas/config.js';
import type { Delivery } from '../flow/state.js';
import type { AdapterErrorCode } from '../schemas/protocol.js';
import en from './locales/en.js';
import hrEn from './locales/hr.en.js';
import hrZhCN from './locales/hr.zh-CN.js';
import type stepsZhCN from './locales/steps.zh-CN.js';
import zhCN from './locales/zh-CN.js';
import { createTranslator, type Translator } from './translator.js';

export type { Strings, TranslateOptions, Translator } from './translator.js';

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = 'zh-CN';
export const NAMESPACE = 'aie';

/** Widened so that a vendor's override may replace any string with any other. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The strings of the later steps (`@ai-interview-exit/core/i18n/steps`), which come with them. */
export type StepMessages = Widen<typeof stepsZhCN>;
/** Every string a candidate may see, the later steps' included: what a vendor may replace. */
export type Messages = Widen<typeof zhCN> & StepMessages;
export type MessageOverrides = { [K in keyof Messages]?: Partial<Messages[K]> };
export type HrMessages = Widen<typeof hrZhCN>;
/** Strings by group and key, for one locale: what `createI18n` merges over the shipped ones. */
export type ResourceBundle = MessageOverrides | { [group: string]: Record<string, unknown> | undefined };

/** What a candidate can see before the later parts come, in every shipped language. */
export const resources: Record<SupportedLocale, Widen<typeof zhCN>> = { 'zh-CN': zhCN, en };

/**
 * HR's strings (the report, plausibility flags, job types, stages, notifications): a separate
 * set, so that the candidate widget never carries them. `createI18n(locale, hrResources)`.
 */
export const hrResources: Record<SupportedLocale, HrMessages> = { 'zh-CN': hrZhCN, en: hrEn };

/**
 * The shipped locale closest to a BCP 47 tag: any Chinese tag reads zh-CN, any English tag en.
 * Null when neither fits, so that the caller can try its next source (`lang`, the browser).
 */
export function matchLocale(tag: string | null | undefined): SupportedLocale | null {
  // Not only strings: a vendor's `locale` property may hold anything.
  const primary = typeof tag === 'string' ? tag.trim().toLowerCase().split(/[-_]/)[0] : null;
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}

/** The `error.*` message for a failed call: worded by what the candidate can do about it, not by its cause. */
export function errorMessageKey(code: AdapterErrorCode): `error.${keyof Messages['error']}` {
  if (code === 'network' || code === 'timeout' || code === 'unavailable') return 'error.network';
  return code === 'rate-limited' || code === 'unauthorized' ? `error.${code}` : 'error.other';
}

/** The `done.*` line for an exit on its way: "offline" only when the network is what failed. */
export function deliveryMessageKey(delivery: Delivery | null): `done.${keyof Messages['done']}` {
  if (delivery?.state !== 'queued') return `done.${delivery?.state ?? 'pending'}`;
  return delivery.error === 'network' || delivery.error === 'timeout' ? 'done.queued' : 'done.queuedLater';
}

/**
 * What a vendor's config says in words, as resources by locale: the labels of its own
 * reasons (`reason.<code>`) and its help answers (`help.faq.<n>.question`, R27).
 */
export function configResources(config: Pick<ExitConfig, 'reasons' | 'help'>): Record<string, ResourceBundle> {
  // No prototype: a locale key never meets what an object inherits.
  const byLocale: Record<string, { reason: Record<string, string>; help: { faq: Record<string, string>[] } }> = Object.create(null);
  const at = (locale: string) => (byLocale[matchLocale(locale) ?? locale] ??= { reason: {}, help: { faq: [] } });
  for (const { code, labels } of config.reasons) {
    for (const [locale, label] of Object.entries(labels ?? {})) at(locale).reason[code] = label;
  }
  config.help.faq.forEach((entry, index) => {
    for (const field of ['question', 'answer'] as const) {
      for (const [locale, text] of Object.entries(entry[field])) (at(locale).help.faq[index] ??= {})[field] = text;
    }
  });
  return byLocale;
}

/**
 * A fresh translator for one widget (never a shared one, so two widgets and the host page's own
 * i18n stay apart), reading i18next's resource format. Each set of bundles by locale (`hrResources`,
 * `configResources(config)`, a vendor's replacements for R23) is merged over the shipped strings,
 * a later set winning over an earlier one.
 */
export function createI18n(locale: string, ...bundles: Record<string, ResourceBundle>[]): Translator {
  const translator = createTranslator(DEFAULT_LOCALE, NAMESPACE);
  for (const lng of SUPPORTED_LOCALES) translator.addResourceBundle(lng, NAMESPACE, resources[lng], true, true);
  void translator.changeLanguage(matchLocale(locale) ?? locale);
  addBundles(translator, ...bundles);
  return translator;
}

/**
 * Merge sets of strings by locale over what a translator has, a later set winning; `en-US` and `zh`
 * keys count as en and zh-CN. A vendor's set is taken as it comes: keys that are no BCP 47 tag are
 * left out, and the translator takes only strings and groups of them, by own keys, within bounds
 * (so a `__proto__` key stays a key and touches no prototype).
 */
export function addBundles(translator: Translator, ...bundles: (Record<string, ResourceBundle> | null | undefined)[]): void {
  for (const bundle of bundles) {
    for (const [key, messages] of Object.entries(bundle ?? {})) {
      const lng = matchLocale(key) ?? (LOCALE_TAG.test(key) ? key : null);
      if (lng) translator.addResourceBundle(lng, NAMESPACE, messages, true, true);
    }
  }
}
