import { DEFAULT_REASON_CODES, ExitConfigSchema, type ExitConfig, type ExitConfigInput, type PolicyEffect } from '../schemas/config.js';

export interface ConfigProblem {
  /** `error` refuses the config (it could trap a candidate or is malformed); `warning` is advice. */
  severity: 'error' | 'warning';
  code: string;
  /** Where in the config document, e.g. `['rules', 2, 'then', 'gate']`. */
  path: (string | number)[];
  message: string;
}

/** Every place a policy effect is written: the defaults and each rule. */
function effects(config: ExitConfig): { path: (string | number)[]; effect: PolicyEffect }[] {
  return [
    { path: ['defaults'], effect: config.defaults },
    ...config.rules.map((rule, index) => ({ path: ['rules', index, 'then'], effect: rule.then })),
  ];
}

/**
 * Find what is wrong with a parsed config. Any `error` means the config could leave a candidate
 * unable to exit (R20) and must be refused.
 */
export function lintConfig(config: ExitConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (severity: ConfigProblem['severity'], code: string, path: ConfigProblem['path'], message: string) =>
    problems.push({ severity, code, path, message });
  const all = effects(config);

  if (!config.exitEnabled) {
    add('error', 'exit-disabled', ['exitEnabled'], 'The exit cannot be turned off: a candidate must always be able to leave.');
  }
  for (const { path, effect } of all) {
    if (effect.review === 'before-exit') {
      add('error', 'review-before-exit', [...path, 'review'],
        'HR approval cannot stand before the exit: the candidate is out at once and HR reviews the record ("after-exit").');
    }
    if (effect.gate === 'verify' && config.verification.channel === 'none') {
      add('error', 'verify-without-channel', [...path, 'gate'],
        'A one-time code is required but verification.channel is "none": no code could ever arrive.');
    }
    if (effect.reason === 'required' && config.reasons.length === 0 && !config.freeText.enabled) {
      add('error', 'reason-required-without-options', [...path, 'reason'],
        'A reason is required but there are no reasons to choose and free text is off.');
    }
  }
  const usesVerify = all.some(({ effect }) => effect.gate === 'verify');
  const { email, phone, url } = config.hrContact ?? {};
  if (usesVerify && config.verification.onFailure === 'contact-hr' && !email && !phone && !url) {
    add('error', 'contact-hr-without-contact', ['hrContact'],
      'When a code fails the candidate is sent to HR, but hrContact names no email, phone or url.');
  }

  const seen = new Set<string>();
  config.reasons.forEach((reason, index) => {
    if (seen.has(reason.code)) add('error', 'duplicate-reason', ['reasons', index, 'code'], `Reason "${reason.code}" is listed twice.`);
    seen.add(reason.code);
    const builtIn = (DEFAULT_REASON_CODES as readonly string[]).includes(reason.code);
    if (!builtIn && !reason.labels) {
      add('warning', 'reason-without-label', ['reasons', index, 'labels'],
        `Reason "${reason.code}" has no translation in the SDK: give it labels, or the raw code is shown.`);
    }
  });

  const ruleIds = new Set<string>();
  config.rules.forEach((rule, index) => {
    const { minProgress, maxProgress } = rule.when;
    if (minProgress !== undefined && maxProgress !== undefined && minProgress >= maxProgress) {
      add('warning', 'rule-never-matches', ['rules', index, 'when'], 'minProgress is not below maxProgress: this rule never applies.');
    }
    if (rule.id && ruleIds.has(rule.id)) add('warning', 'duplicate-rule-id', ['rules', index, 'id'], `Rule id "${rule.id}" is used twice.`);
    if (rule.id) ruleIds.add(rule.id);
  });

  if (config.verification.resendSeconds > 300) {
    add('warning', 'slow-resend', ['verification', 'resendSeconds'], 'A candidate waits more than 5 minutes before a new code.');
  }
  if (config.cooldownDays > 365) {
    add('warning', 'long-cooldown', ['cooldownDays'], 'A cooldown over a year is unusual; check the company policy.');
  }
  return problems;
}

export type ParsedConfig =
  | { ok: true; config: ExitConfig; problems: ConfigProblem[] }
  | { ok: false; config: ExitConfig; problems: ConfigProblem[] };

/** The config a refused one is replaced with: confirm, then out. */
export function defaultConfig(): ExitConfig {
  return ExitConfigSchema.parse({});
}

/**
 * Validate a vendor's config (R20). A malformed or trapping config is refused whole and the
 * defaults take its place, with the problems listed, so that the exit button always works.
 */
export function parseConfig(input: unknown): ParsedConfig {
  const parsed = ExitConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map<ConfigProblem>((issue) => ({
      severity: 'error',
      code: 'invalid',
      path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
      message: issue.message,
    }));
    return { ok: false, config: defaultConfig(), problems };
  }
  const problems = lintConfig(parsed.data);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, config: defaultConfig(), problems };
  return { ok: true, config: parsed.data, problems };
}

/** One line per problem, for an error message or a console. */
export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.severity} ${p.code} at ${p.path.join('.') || '(root)'}: ${p.message}`).join('\n');
}

/**
 * The article's own policy (§4.1): front-line roles are reviewed by HR, management roles leave
 * freely, executives confirm with a one-time code, the self-introduction stage is a free exit,
 * the professional stage asks for confirmation, and a 30-day re-application cooldown.
 */
export const ARTICLE_POLICY: ExitConfigInput = {
  cooldownDays: 30,
  hrContact: { email: 'hr@example.com' },
  rules: [
    { id: 'self-introduction-free', when: { stages: ['self-introduction'] }, then: { gate: 'free' } },
    { id: 'professional-confirm', when: { stages: ['professional'] }, then: { gate: 'confirm' } },
    { id: 'frontline-review', when: { jobTypes: ['frontline'] }, then: { review: 'after-exit' } },
    { id: 'manager-free', when: { jobTypes: ['manager'] }, then: { review: 'none' } },
    { id: 'executive-code', when: { jobTypes: ['executive'] }, then: { gate: 'verify' } },
  ],
};
