import i18next, { type i18n, type Resource } from 'i18next';
import type { ReasonOption } from '../schemas/config.js';
import en from './locales/en.js';
import zhCN from './locales/zh-CN.js';

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = 'zh-CN';
export const NAMESPACE = 'aie';

/** Widened so that a vendor's override may replace any string with any other. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
export type MessageOverrides = { [K in keyof Messages]?: Partial<Messages[K]> };

export const resources: Record<SupportedLocale, Messages> = { 'zh-CN': zhCN, en };

/**
 * The shipped locale closest to a BCP 47 tag: any Chinese tag reads zh-CN, any English tag en.
 * Null when neither fits, so that the caller can try its next source (`lang`, the browser).
 */
export function matchLocale(tag: string | null | undefined): SupportedLocale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}

/** Labels a vendor gave its own reasons in the config, as i18next resources. */
export function reasonResources(reasons: readonly ReasonOption[]): Record<string, MessageOverrides> {
  const byLocale: Record<string, { reason: Record<string, string> }> = {};
  for (const { code, labels } of reasons) {
    for (const [locale, label] of Object.entries(labels ?? {})) {
      (byLocale[matchLocale(locale) ?? locale] ??= { reason: {} }).reason[code] = label;
    }
  }
  return byLocale as Record<string, MessageOverrides>;
}

/**
 * A fresh i18next instance for one widget (never the global one, so two widgets and the host
 * page's own i18next stay apart). Overrides replace any shipped string, per locale (R23).
 */
export function createI18n(locale: string, overrides: Record<string, MessageOverrides> = {}): i18n {
  const resource: Resource = {};
  for (const lng of SUPPORTED_LOCALES) resource[lng] = { [NAMESPACE]: structuredClone(resources[lng]) };
  const instance = i18next.createInstance();
  void instance.init({
    lng: matchLocale(locale) ?? locale,
    fallbackLng: { zh: ['zh-CN'], default: [DEFAULT_LOCALE] },
    supportedLngs: false,
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    resources: resource,
    initAsync: false,
    returnNull: false,
    // Lit renders text, never HTML: escaping here would show "&amp;" to candidates.
    interpolation: { escapeValue: false },
  });
  for (const [lng, messages] of Object.entries(overrides)) {
    instance.addResourceBundle(matchLocale(lng) ?? lng, NAMESPACE, messages, true, true);
  }
  return instance;
}
