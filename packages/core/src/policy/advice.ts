import { DEFAULT_REASON_CODES, type ExitConfig } from '../schemas/config.js';
import { collect, effects, traps, type ConfigProblem, type Report } from './lint.js';

/** Keys of the reason form's own sentences in the locale files that a reason code could also spell. */
const RESERVED_REASON_KEYS = ['legend', 'required', 'counter', 'none'];

/** Advice (`warning`): a likely mistake that traps nobody, so it never refuses a config. */
function advice(config: ExitConfig, add: Report): void {
  if (effects(config).some(({ effect }) => effect.helpOffer) && !config.help.faq.length) {
    add('warning', 'help-without-answers', ['help', 'faq'], 'The help offer has no answers: only the hand-off to a person.');
  }
  // The way out of a code that cannot be sent is always there; the contact is only offered beside it.
  const { email, phone, url } = config.hrContact ?? {};
  const usesVerify = effects(config).some(({ effect }) => effect.gate === 'verify');
  if (usesVerify && config.verification.onFailure === 'contact-hr' && !email && !phone && !url) {
    add('warning', 'contact-hr-without-contact', ['hrContact'], 'onFailure is "contact-hr" but hrContact is empty: only the exit without the code is offered.');
  }
  config.reasons.forEach((reason, index) => {
    const builtIn = (DEFAULT_REASON_CODES as readonly string[]).includes(reason.code);
    if (RESERVED_REASON_KEYS.includes(reason.code)) {
      add('warning', 'reason-code-reserved', ['reasons', index, 'code'], `"${reason.code}" is also a sentence of the reason form (reason.${reason.code}): its label would replace that sentence.`);
    }
    if (!builtIn && !reason.labels) {
      add('warning', 'reason-without-label', ['reasons', index, 'labels'],
        'No labels: the raw code is shown.');
    }
  });
  const ruleIds = new Set<string>();
  config.rules.forEach((rule, index) => {
    const { minProgress, maxProgress } = rule.when;
    if (minProgress !== undefined && maxProgress !== undefined && minProgress >= maxProgress) {
      add('warning', 'rule-never-matches', ['rules', index, 'when'], 'minProgress ≥ maxProgress: never applies.');
    }
    if (rule.id && ruleIds.has(rule.id)) add('warning', 'duplicate-rule-id', ['rules', index, 'id'], 'Used twice.');
    if (rule.id) ruleIds.add(rule.id);
  });
  if (config.verification.resendSeconds > 300) {
    add('warning', 'slow-resend', ['verification', 'resendSeconds'], 'Over 5 minutes before a new code.');
  }
  if (config.cooldownDays > 365) {
    add('warning', 'long-cooldown', ['cooldownDays'], 'Over a year.');
  }
}

/**
 * Everything wrong with a parsed config: the traps (`error`, R20), then advice (`warning`). For a
 * vendor's tests, CI and console; the widget checks for traps only
 * (`parseConfig`), so this lives in its own entry, `@ai-interview-exit/core/lint`.
 */
export function lintConfig(config: ExitConfig): ConfigProblem[] {
  return collect(config, traps, advice);
}
