import { DEFAULT_REASON_CODES } from '../schemas/config.js';
import type { ExitReason } from '../schemas/exit-record.js';

/** A code the product translates itself: its translations stand, whatever labels came with it. */
export const isBuiltInReason = (code: string): boolean => (DEFAULT_REASON_CODES as readonly string[]).includes(code);

const language = (tag: string) => tag.toLowerCase().split('-')[0];

/**
 * A vendor reason's label for a reader of `locale`: that locale, else its language (zh-TW reads
 * zh-CN), else zh-CN (as the config's text falls back), else English, else any. One line of plain
 * text: control characters, line breaks and bidi overrides become a space, so that a label can
 * neither add lines to a message nor turn the text around it. Null when there is none.
 */
export function vendorLabel(labels: ExitReason['labels'], locale: string): string | null {
  const entries = Object.entries(labels ?? {});
  const found =
    entries.find(([tag]) => tag.toLowerCase() === locale.toLowerCase()) ??
    entries.find(([tag]) => language(tag) === language(locale)) ??
    entries.find(([tag]) => tag === 'zh-CN') ??
    entries.find(([tag]) => language(tag) === 'en') ??
    entries[0];
  const text = found?.[1].replace(/[\p{Cc}\p{Zl}\p{Zp}\s\u202a-\u202e\u2066-\u2069]+/gu, ' ').trim();
  return text || null;
}

/**
 * A reason code in words: a built-in code's translation (`translate`); a vendor's code by the
 * labels that came with it, else by `translate` (a label the reader's own config gives), else the code.
 */
export function reasonWords(reason: Pick<ExitReason, 'code' | 'labels'>, locale: string, translate: (code: string) => string | null): string | null {
  const { code } = reason;
  if (code === null) return null;
  return (!isBuiltInReason(code) && vendorLabel(reason.labels, locale)) || translate(code) || code;
}
