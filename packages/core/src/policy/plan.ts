import type { ExitConfig, ExitGate, PolicyEffect, PolicyRule, ReasonAsk } from '../schemas/config.js';
import { progressRatio, type ProgressSnapshot } from '../schemas/progress.js';

/** The steps a candidate may walk through, in this order. The reason is asked inside the confirm view (R9). */
export type ExitStep = 'help' | 'confirm' | 'reason' | 'verify';

/** What the policy needs to know about the interview. */
export interface PlanContext {
  jobType: string;
  stage: string;
  progress?: Pick<ProgressSnapshot, 'answered' | 'total'> | null;
}

/** What a candidate meets between the exit button and being out. */
export interface ExitPlan {
  /**
   * Every question is answered and the policy does not count that as an exit (`whenComplete`):
   * the candidate is told the interview is complete, and nothing is recorded.
   */
  complete: boolean;
  steps: ExitStep[];
  gate: ExitGate;
  /** Say how far the candidate got before they confirm (R7). */
  progressNotice: boolean;
  /** Whether the confirmation asks why (R9); `off` only where the vendor's policy says so. */
  reason: ReasonAsk;
  /** Channel of the one-time code when the gate is `verify` (R6), else null. */
  verification: { channel: 'sms' | 'email' } | null;
  /** HR reviews the record (R17); the exit takes effect at once either way. */
  hrReview: boolean;
  helpOffer: boolean;
  /** Days before the candidate may apply again (R19), told before they confirm. */
  cooldownDays: number;
  /** Ids (or indexes) of the rules that shaped this plan, for explanations and debugging. */
  matchedRules: string[];
}

export function ruleMatches(rule: PolicyRule, context: PlanContext): boolean {
  const { jobTypes, stages, minProgress, maxProgress } = rule.when;
  const ratio = progressRatio(context.progress);
  if (jobTypes && !jobTypes.includes(context.jobType)) return false;
  if (stages && !stages.includes(context.stage)) return false;
  if (minProgress !== undefined && ratio < minProgress) return false;
  if (maxProgress !== undefined && ratio >= maxProgress) return false;
  return true;
}

/**
 * Resolve which steps this candidate meets (R6, R9, R17, R18, R19). Rules apply in order over
 * the defaults, each overriding only what it names, like a cascade.
 */
export function resolveExitPlan(config: ExitConfig, context: PlanContext): ExitPlan {
  let effect: Required<PolicyEffect> = { ...config.defaults, cooldownDays: config.cooldownDays };
  const matchedRules: string[] = [];
  config.rules.forEach((rule, index) => {
    if (!ruleMatches(rule, context)) return;
    matchedRules.push(rule.id ?? `#${index}`);
    effect = { ...effect, ...definedOnly(rule.then) };
  });

  // A code that cannot be sent would trap the candidate: fall back to a plain confirmation.
  const channel = config.verification.channel;
  const gate: ExitGate = effect.gate === 'verify' && channel === 'none' ? 'confirm' : effect.gate;
  // Early exits are the ones HR most wants to understand: a free exit asks why too (R9).
  const asksReason = effect.reason !== 'off';
  const steps: ExitStep[] = [
    ...(effect.helpOffer ? (['help'] as const) : []),
    'confirm',
    ...(asksReason ? (['reason'] as const) : []),
    ...(gate === 'verify' ? (['verify'] as const) : []),
  ];
  return {
    complete: effect.whenComplete === 'complete' && progressRatio(context.progress) === 1,
    steps,
    gate,
    progressNotice: gate !== 'free',
    reason: effect.reason,
    verification: gate === 'verify' && channel !== 'none' ? { channel } : null,
    // `before-exit` is refused by lintConfig; if it slips through it still never holds the candidate back.
    hrReview: effect.review !== 'none',
    helpOffer: effect.helpOffer,
    cooldownDays: effect.cooldownDays,
    matchedRules,
  };
}

/** The instant a cooldown of `days` that starts at `from` ends. */
export function cooldownUntil(from: string, days: number): string | null {
  if (days <= 0) return null;
  return new Date(Date.parse(from) + days * 86_400_000).toISOString();
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
