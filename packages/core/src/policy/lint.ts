import { ExitConfigSchema, type ExitConfig, type PolicyEffect } from '../schemas/config.js';

export interface ConfigProblem {
  /** `error` refuses the config (it could trap a candidate or is malformed); `warning` is advice. */
  severity: 'error' | 'warning';
  code: string;
  /** Where in the config document, e.g. `['rules', 2, 'then', 'gate']`. */
  path: (string | number)[];
  message: string;
}

/** Every place a policy effect is written: the defaults and each rule. */
export function effects(config: ExitConfig): { path: (string | number)[]; effect: PolicyEffect }[] {
  return [
    { path: ['defaults'], effect: config.defaults },
    ...config.rules.map((rule, index) => ({ path: ['rules', index, 'then'], effect: rule.then })),
  ];
}

export type Report = (severity: ConfigProblem['severity'], code: string, path: ConfigProblem['path'], message: string) => void;

export function collect(config: ExitConfig, ...checks: ((config: ExitConfig, add: Report) => void)[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const check of checks) check(config, (severity, code, path, message) => problems.push({ severity, code, path, message }));
  return problems;
}

/** What could leave a candidate unable to exit (R20): each is an `error` and refuses the config. */
export function traps(config: ExitConfig, add: Report): void {
  const all = effects(config);
  if (!config.exitEnabled) {
    add('error', 'exit-disabled', ['exitEnabled'], 'A candidate must always be able to exit.');
  }
  for (const { path, effect } of all) {
    if (effect.review === 'before-exit') {
      add('error', 'review-before-exit', [...path, 'review'],
        'HR reviews after the exit ("after-exit"), never before it.');
    }
    if (effect.gate === 'verify' && config.verification.channel === 'none') {
      add('error', 'verify-without-channel', [...path, 'gate'],
        'A code is required but verification.channel is "none".');
    }
    if (effect.reason === 'required' && config.reasons.length === 0 && !config.freeText.enabled) {
      add('error', 'reason-required-without-options', [...path, 'reason'],
        'A reason is required but none can be given.');
    }
  }
  const seen = new Set<string>();
  config.reasons.forEach((reason, index) => {
    if (seen.has(reason.code)) add('error', 'duplicate-reason', ['reasons', index, 'code'], 'Listed twice.');
    seen.add(reason.code);
  });
}

/** The problems that refuse a config: what `parseConfig`, and so every widget, checks. */
export function findTraps(config: ExitConfig): ConfigProblem[] {
  return collect(config, traps);
}

export type ParsedConfig =
  | { ok: true; config: ExitConfig; problems: ConfigProblem[] }
  | { ok: false; config: ExitConfig; problems: ConfigProblem[] };

/** The config a refused one is replaced with: confirm, then out. */
export function defaultConfig(): ExitConfig {
  // safeParse: the defaults always parse, and `parse` would add zod's throwing path to the bundle.
  return ExitConfigSchema.safeParse({}).data!;
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
  const problems = findTraps(parsed.data);
  if (problems.length) return { ok: false, config: defaultConfig(), problems };
  return { ok: true, config: parsed.data, problems };
}

/** One line per problem, for an error message or a console. */
export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.severity} ${p.code} at ${p.path.join('.') || '(root)'}: ${p.message}`).join('\n');
}
