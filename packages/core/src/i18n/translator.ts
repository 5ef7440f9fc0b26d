/**
 * A translator that reads i18next's JSON v4 resources: the part of i18next the product uses, in
 * about 1 KB gzip where i18next took 14.8 KB of the widget's first script (its budget: 40 KB). It does
 * what i18next 27 does with `createI18n`'s options, and the conformance test holds the two to it:
 * nested keys, `{{name}}` (no escaping: Lit renders text), `context`, plurals by `count` through
 * `Intl.PluralRules` (`key_one`, `key_other`, `key_zero`… and with a context), the language's
 * hierarchy (`en-US`, `en`) then the fallback, `defaultValue`, then the key itself.
 * Not read: nesting (`$t(…)` stays as written), formats (`{{n, number}}`), namespaces in keys
 * (`ns:key`), `defaultValue_<form>`, ordinals. Unlike i18next, a vendor's group never replaces a
 * string (nor a string a group), and a `constructor` key is kept as a key.
 */

/** Strings and groups of them by key; a group has no prototype, so that `__proto__` is a key. */
export interface Strings {
  [key: string]: string | Strings;
}

/** What `t()` reads: `count`, `context`, `defaultValue`, `lng`, and the values to interpolate. */
export type TranslateOptions = Record<string, unknown> & { count?: number; context?: string; defaultValue?: string; lng?: string };

/** One widget's translations (each widget has its own; nothing is global). */
export interface Translator {
  /** The language shown; `changeLanguage` sets it. */
  readonly language: string;
  /** The string at `key` (`group.key`) in the language, else in the fallback, else `defaultValue`, else the key. */
  t(key: string, options?: TranslateOptions): string;
  /** Whether `t(key, options)` finds a string (or a group). */
  exists(key: string, options?: TranslateOptions): boolean;
  /** Show another language; `languageChanged` listeners hear of it. */
  changeLanguage(lng?: string): Promise<Translator['t']>;
  /**
   * Merge strings for a language (i18next's signature): `deep` merges group by group, else whole
   * groups are replaced; `overwrite` lets a string replace one already there. Only strings and groups
   * of them are taken, as own keys (never a prototype's), within bounds; another namespace is ignored.
   */
  addResourceBundle(lng: string, ns: string, bundle: unknown, deep?: boolean, overwrite?: boolean): Translator;
  on(event: 'languageChanged', listener: (lng: string) => void): Translator;
  off(event: 'languageChanged', listener: (lng: string) => void): void;
}

/** Bounds on what a bundle may bring: deeper groups, longer strings and entries past the count are left out. */
const MAX_DEPTH = 8;
const MAX_TEXT = 4000;
const MAX_ENTRIES = 20000;
/** i18next's bound on the replacements in one string. */
const MAX_REPLACES = 1000;

const own = (node: unknown, key: string): unknown =>
  node && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;

/** What a path names: group by group, then (i18next's `deepFind`) keys that hold dots themselves. */
function find(node: unknown, path: string): unknown {
  // Longer than any string a bundle may hold: looked up nowhere, so that its cost stays bounded.
  if (path.length > MAX_TEXT) return undefined;
  const tokens = path.split('.');
  let found = tokens.reduce(own, node);
  if (found != null) return found;
  found = own(node, path);
  if (found) return found;
  for (let i = 0; i < tokens.length; ) {
    if (!node || typeof node !== 'object') return undefined;
    let next: unknown;
    for (let j = i, key = tokens[i]!; j < tokens.length; key += `.${tokens[++j]}`) {
      next = own(node, key);
      // A string part-way is no group: a longer key may still be.
      if (next !== undefined && (typeof next === 'object' || j === tokens.length - 1)) {
        i = j + 1;
        break;
      }
    }
    node = next;
  }
  return node;
}

/** Strings and groups by own keys, within the bounds; arrays become groups by index. */
function textsOnly(value: unknown, budget: { left: number }, depth = 0): string | Strings | undefined {
  if (typeof value === 'string') return value.length <= MAX_TEXT ? value : undefined;
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  const texts: Strings = Object.create(null);
  for (const key of Object.keys(value)) {
    if (budget.left-- <= 0) break;
    const text = textsOnly((value as Record<string, unknown>)[key], budget, depth + 1);
    if (text !== undefined) texts[key] = text;
  }
  return texts;
}

function merge(target: Strings, source: Strings, deep: boolean, overwrite: boolean): void {
  for (const key of Object.keys(source)) {
    const from = source[key]!;
    const to = own(target, key) as Strings[string] | undefined;
    if (to === undefined || !deep) target[key] = from;
    else if (typeof to === 'object' && typeof from === 'object') merge(to, from, deep, overwrite);
    else if (overwrite && typeof to === typeof from) target[key] = from;
  }
}

/** i18next's language code clean-up: canonical case for tags (`en-us` → `en-US`), else as written. */
function format(code: string): string {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(code)[0];
  } catch {
    // Not a tag: kept as written.
  }
  if (!canonical) return code;
  return code.includes('-') || canonical.toLowerCase() === code.toLowerCase() ? canonical : code.toLowerCase();
}

/** The language part of a code (`en` of `en-US`). */
function languagePart(code: string): string {
  const cleaned = code.replace(/_/g, '-');
  return cleaned.includes('-') ? format(cleaned.split('-')[0]!) : cleaned;
}

/** A code i18next accepts from `changeLanguage` without a list of supported languages. */
const isSafe = (code: string): boolean =>
  /^[\w@.-]{1,128}$/.test(code) && !code.includes('..') && !['__proto__', 'constructor', 'prototype'].includes(code);

/** A translator with no strings yet, showing `fallback`; bundles of namespace `namespace` are taken. */
export function createTranslator(fallback: string, namespace: string): Translator {
  const store = new Map<string, Strings>();
  const listeners = new Set<(lng: string) => void>();
  // Kept by code, and emptied past a bound: a vendor may ask for any number of languages.
  const hierarchies = new Map<string, string[]>();
  const pluralRules = new Map<string, Intl.PluralRules | null>();
  let language = fallback;

  /** Where a string is looked for: the code as written, its script and language parts, then the fallback. */
  function hierarchy(code: string): string[] {
    let codes = hierarchies.get(code);
    if (!codes) {
      const cleaned = code.replace(/_/g, '-');
      const parts = cleaned.split('-');
      codes = [format(code)];
      if (/[-_]/.test(code)) {
        if (parts.length > 2 && parts[parts.length - 2]!.toLowerCase() !== 'x') codes.push(format(parts.slice(0, -1).join('-')));
        codes.push(languagePart(code));
      }
      codes = codes.filter(Boolean);
      const last = format(fallback);
      if (!codes.includes(last)) codes.push(last);
      if (hierarchies.size > 100) hierarchies.clear();
      hierarchies.set(code, codes);
    }
    return codes;
  }

  /** The plural form of `count` in a language, as i18next picks it (`one` or `other` where `Intl` knows no rules). */
  function pluralForm(code: string, count: number): string {
    if (!pluralRules.has(code)) {
      let rules: Intl.PluralRules | null = null;
      try {
        rules = new Intl.PluralRules(code.replace(/_/g, '-'));
      } catch {
        if (/[-_]/.test(code)) return pluralForm(languagePart(code), count);
      }
      if (pluralRules.size > 100) pluralRules.clear();
      pluralRules.set(code, rules);
    }
    return pluralRules.get(code)?.select(count) ?? (count === 1 ? 'one' : 'other');
  }

  /** The first string or group found for a key, by language then by i18next's order of suffixes. */
  function resolve(key: string, options: TranslateOptions): unknown {
    const { count, context } = options;
    const plural = count !== undefined && typeof count !== 'string';
    const withContext = (typeof context === 'string' || typeof context === 'number') && context !== '';
    for (const code of hierarchy(String(options.lng || language))) {
      const suffix = plural ? `_${pluralForm(code, count)}` : '';
      const keys = [key];
      const forms = (base: string) => (plural ? [base + suffix, ...(count === 0 ? [`${base}_zero`] : [])] : []);
      keys.push(...forms(key));
      if (withContext) keys.push(`${key}_${context}`, ...forms(`${key}_${context}`));
      // The `_other` form comes last, after the key itself.
      if (plural && suffix !== '_other') keys.unshift(`${key}_other`, ...(withContext ? [`${key}_${context}_other`] : []));
      for (let index = keys.length - 1; index >= 0 && keys[index]; index--) {
        const found = find(store.get(code), keys[index]!);
        if (found != null && found !== '') return found;
      }
    }
    return undefined;
  }

  /** `{{name}}` (and `{{- name}}`) replaced by its value as text; an unknown name stays as written. */
  function interpolate(text: string, values: TranslateOptions): string {
    let replaces = 0;
    return text.replace(/\{\{(.+?)\}\}/g, (match, inner: string) => {
      if (replaces >= MAX_REPLACES) return match;
      const name = (inner[0] === '-' && inner.length > 1 ? inner.slice(1) : inner).trim();
      const value = find(values, name);
      if (value === undefined && !Object.hasOwn(values, name)) return match;
      replaces++;
      return value == null ? '' : String(value);
    });
  }

  const t = (key: string, options: TranslateOptions = {}): string => {
    const found = resolve(key, options);
    const { defaultValue } = options;
    const text = typeof found === 'string' ? found : typeof defaultValue === 'string' ? defaultValue : key;
    return interpolate(text, options);
  };

  const translator: Translator = {
    get language() {
      return language;
    },
    t,
    exists: (key, options = {}) => resolve(key, options) !== undefined,
    changeLanguage(lng) {
      if (typeof lng === 'string') {
        const some = store.get(lng);
        language = (isSafe(lng) && (some && Object.keys(some).length ? lng : format(lng))) || fallback;
        for (const listener of [...listeners]) listener(language);
      }
      return Promise.resolve(t);
    },
    addResourceBundle(lng, ns, bundle, deep = false, overwrite = false) {
      const texts = textsOnly(bundle, { left: MAX_ENTRIES });
      if (ns === namespace && typeof lng === 'string' && typeof texts === 'object') {
        let strings = store.get(lng);
        if (!strings) store.set(lng, (strings = Object.create(null) as Strings));
        merge(strings, texts, deep, overwrite);
      }
      return translator;
    },
    on(event, listener) {
      if (event === 'languageChanged') listeners.add(listener);
      return translator;
    },
    off(event, listener) {
      if (event === 'languageChanged') listeners.delete(listener);
    },
  };
  return translator;
}
