import * as z from 'zod/mini';
import { LOCALE_TAG } from './locale-tag.js';

/**
 * A whole number within [min, max]. A refinement rather than `z.int()`, whose safe-integer format
 * costs 0.4 KB gzip in the browser; the JSON Schema build still writes `"type": "integer"`.
 */
export const intBetween = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number().check(z.refine(Number.isInteger, 'a whole number'), z.gte(min), z.lte(max));

/** A vendor-chosen identifier: an interview id, a pseudonymous candidate reference, a role code. */
export const IdSchema = z.string().check(
  z.minLength(1),
  z.maxLength(128),
  z.regex(/^[\w.:@-]+$/, 'letters, digits and . _ : @ - only'),
);

/** A machine code such as a reason code, a job type or a stage: lower-case kebab. */
export const CodeSchema = z.string().check(
  z.minLength(1),
  z.maxLength(48),
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes'),
);

// Plain regexes rather than zod's format helpers: the same checks at a third of the bundle cost.

/**
 * An instant with its offset, as `Date.prototype.toISOString()` writes it. Its calendar day must
 * exist: `Date.parse` would roll 2026-02-31 over to 3 March (or refuse it, in some browsers).
 */
export const InstantSchema = z.string().check(
  z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:\d\d)$/, 'an ISO 8601 instant'),
  z.refine((value) => new Date(value.slice(0, 10)).getUTCDate() === +value.slice(8, 10) && !Number.isNaN(Date.parse(value)), 'not a real date'),
);

export const UuidSchema = z.string().check(
  z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'a UUID v4'),
);

/** A BCP 47 language tag; the SDK ships zh-CN and en, vendors may add more. */
export const LocaleSchema = z.string().check(z.regex(LOCALE_TAG, 'a BCP 47 tag such as zh-CN or en'));

/** An IANA time zone name such as Asia/Shanghai (or UTC) that Intl knows: Mars/Olympus is refused. */
export const TimeZoneSchema = z.string().check(
  z.minLength(1),
  z.maxLength(64),
  z.regex(/^[A-Za-z_+-]+(?:\/[A-Za-z0-9_+-]+)*$/, 'an IANA time zone'),
  z.refine((timeZone) => {
    try {
      return !!new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      return false;
    }
  }, 'an IANA time zone'),
);

/**
 * Where an exit started: the fixed button, an inline link under a question, the API, the resume
 * prompt, or the nudge's "Get help" (R29), which opens on the help offer.
 */
export const ExitSourceSchema = z.enum(['button', 'link', 'api', 'resume-prompt', 'nudge']);
export type ExitSource = z.infer<typeof ExitSourceSchema>;

/** What the candidate asked to happen to their personal data at exit (R10). */
export const DataChoiceSchema = z.enum(['keep', 'anonymise', 'delete']);
export type DataChoice = z.infer<typeof DataChoiceSchema>;
