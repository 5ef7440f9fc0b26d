import * as z from 'zod/mini';
import { CodeSchema, intBetween, LocaleSchema } from './common.js';
import { IntentConfigSchema } from './intent.js';
import { LOCALE_TAG } from './locale-tag.js';

/** The reason codes the product knows (R1); vendors may add, relabel and reorder them. */
export const DEFAULT_REASON_CODES = ['emergency', 'mis-click', 'not-interested', 'privacy', 'other'] as const;

/** A reason-driven follow-up (R25), carried out by the adapter's `followUp`. */
export const FollowUpKindSchema = z.enum(['recommend-roles', 'send-guide']);
export type FollowUpKind = z.infer<typeof FollowUpKindSchema>;

/**
 * Text by locale, e.g. `{ "zh-CN": "…", "en": "…" }`; a language without its own falls back to zh-CN.
 * Keys are BCP 47 tags, so none can be an Object.prototype name (`constructor`, `__proto__`…).
 */
const textByLocale = (max: number, locales = 99) =>
  z.catchall(z.object({}), z.string().check(z.minLength(1), z.maxLength(max))).check(
    // A refinement rather than z.record, which would cost the widget half a kilobyte gzip.
    z.refine((texts) => Object.keys(texts).every((key, index) => index < locales && LOCALE_TAG.test(key)), `keys: at most ${locales} BCP 47 tags such as zh-CN or en`),
  );

/**
 * The labels of a vendor's own reason by locale, as the config gives them and as they travel on
 * the exit record: at most 8 languages of 80 characters.
 */
export const ReasonLabelsSchema = textByLocale(80, 8);

export const ReasonOptionSchema = z.object({
  code: CodeSchema,
  /** Labels by locale for a vendor's own reason; the built-in codes have translations already. */
  labels: z.optional(ReasonLabelsSchema),
  followUp: z.optional(FollowUpKindSchema),
});
export type ReasonOption = z.infer<typeof ReasonOptionSchema>;

/**
 * How much stands between the exit button and being out (R5, R6, R18):
 * `free` one plain confirmation; `confirm` the confirmation also states progress (R7) and asks why;
 * `verify` as `confirm`, plus a one-time code (R6). The confirmation itself is never skipped (article §5.1).
 */
export const ExitGateSchema = z.enum(['free', 'confirm', 'verify']);
export type ExitGate = z.infer<typeof ExitGateSchema>;

/**
 * HR review of an exit (R17). `after-exit` flags the record for HR while the candidate is out at once.
 * `before-exit` is representable only so that `lintConfig` can refuse it: a candidate never waits for HR to leave.
 */
export const ReviewSchema = z.enum(['none', 'after-exit', 'before-exit']);

/**
 * Whether the confirmation asks why (R9): `optional` (the default, in every confirmation, free
 * exits included), `required`, or `off` for a rule where the vendor asks nothing (the data choice stays).
 */
export const ReasonAskSchema = z.enum(['off', 'optional', 'required']);

export type ReasonAsk = z.infer<typeof ReasonAskSchema>;

/**
 * What the exit button does once progress says every question is answered: `complete` (the
 * default) says the interview is complete and records nothing, for a finished interview is not an
 * exit; `exit` walks the exit as at any other time and records it.
 */
export const WhenCompleteSchema = z.enum(['complete', 'exit']);

export const PolicyEffectSchema = z.object({
  gate: z.optional(ExitGateSchema),
  reason: z.optional(ReasonAskSchema),
  review: z.optional(ReviewSchema),
  helpOffer: z.optional(z.boolean()),
  /** Offer help when the candidate seems about to leave (R29): a polite nudge that blocks nothing. */
  nudge: z.optional(z.boolean()),
  cooldownDays: z.optional(intBetween(0, 3650)),
  whenComplete: z.optional(WhenCompleteSchema),
});
export type PolicyEffect = z.infer<typeof PolicyEffectSchema>;

/** A rule applies when every condition it names holds; rules apply in order, later ones override earlier ones. */
export const PolicyRuleSchema = z.object({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  when: z.object({
    jobTypes: z.optional(z.array(CodeSchema).check(z.minLength(1))),
    stages: z.optional(z.array(CodeSchema).check(z.minLength(1))),
    /** Inclusive lower bound of the share answered, 0..1. */
    minProgress: z.optional(z.number().check(z.gte(0), z.lte(1))),
    /** Exclusive upper bound of the share answered, 0..1. */
    maxProgress: z.optional(z.number().check(z.gte(0), z.lte(1))),
  }),
  then: PolicyEffectSchema,
});
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

export const VerificationConfigSchema = z.object({
  channel: z._default(z.enum(['sms', 'email', 'none']), 'sms'),
  codeLength: z._default(intBetween(4, 8), 6),
  resendSeconds: z._default(intBetween(0, 3600), 60),
  maxAttempts: z._default(intBetween(1, 10), 5),
  /**
   * When no code can be sent or the code is locked, the candidate can always leave unverified (the
   * record is flagged for HR). `contact-hr` also shows the HR contact (`hrContact`) beside that button.
   */
  onFailure: z._default(z.enum(['exit-unverified', 'contact-hr']), 'exit-unverified'),
});

export const HrContactSchema = z.object({
  email: z.optional(z.string().check(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address'))),
  phone: z.optional(z.string().check(z.regex(/^\+?[0-9 ()-]{5,20}$/, 'a phone number'))),
  url: z.optional(z.string().check(z.regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL'))),
});

export const ExitConfigSchema = z.object({
  /** Turning this off is refused by `lintConfig`: it exists so that a vendor's mistake is named, not obeyed. */
  exitEnabled: z._default(z.boolean(), true),
  locale: z.optional(LocaleSchema),
  reasons: z._default(
    z.array(ReasonOptionSchema).check(z.maxLength(20)),
    DEFAULT_REASON_CODES.map((code) => ({
      code,
      ...(code === 'not-interested' ? { followUp: 'recommend-roles' as const } : {}),
      ...(code === 'mis-click' ? { followUp: 'send-guide' as const } : {}),
    })),
  ),
  freeText: z.prefault(
    z.object({
      enabled: z._default(z.boolean(), true),
      maxLength: z._default(intBetween(20, 2000), 500),
    }),
    {},
  ),
  /** The plan when no rule matches. */
  defaults: z.prefault(
    z.object({
      gate: z._default(ExitGateSchema, 'confirm'),
      reason: z._default(ReasonAskSchema, 'optional'),
      review: z._default(ReviewSchema, 'none'),
      helpOffer: z._default(z.boolean(), false),
      nudge: z._default(z.boolean(), false),
      whenComplete: z._default(WhenCompleteSchema, 'complete'),
    }),
    {},
  ),
  rules: z._default(z.array(PolicyRuleSchema).check(z.maxLength(200)), []),
  /** Company policy (R19): days before the candidate may apply again, told before they confirm. 0 = none. */
  cooldownDays: z._default(intBetween(0, 3650), 0),
  verification: z.prefault(VerificationConfigSchema, {}),
  hrContact: z.optional(HrContactSchema),
  /** The help offer (R27): the vendor's answers to common questions, shown before the way on to the exit. */
  help: z.prefault(
    z.object({ faq: z._default(z.array(z.object({ question: textByLocale(200), answer: textByLocale(1000) })).check(z.maxLength(10)), []) }),
    {},
  ),
  /** Exit-intent signals (R29): what counts as hesitation, and how long a nudge stays away. */
  intent: z.prefault(IntentConfigSchema, {}),
  voice: z.prefault(
    z.object({ enabled: z._default(z.boolean(), false), rate: z._default(z.number().check(z.gte(0.5), z.lte(2)), 1) }),
    {},
  ),
  report: z.prefault(
    z.object({
      /** Share of started interviews that end in an exit above which HR is alerted (R26). */
      exitRateThreshold: z._default(z.number().check(z.gt(0), z.lte(1)), 0.3),
      /** By job type; a job type may be named `constructor`, so this is read by own keys only. */
      roleThresholds: z._default(z.catchall(z.object({}), z.number().check(z.gt(0), z.lte(1))), {}),
      /** Started interviews a role needs before its rate can alert: 1 exit of 2 is no alarm. */
      minInterviews: z._default(intBetween(1, 100_000), 10),
    }),
    {},
  ),
});

/** A config after parsing: every default filled in. */
export type ExitConfig = z.infer<typeof ExitConfigSchema>;
/** A config as a vendor writes it: everything optional. */
export type ExitConfigInput = z.input<typeof ExitConfigSchema>;
