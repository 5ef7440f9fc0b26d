import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ExitConfigSchema,
  cooldownUntil,
  defaultConfig,
  parseConfig,
  resolveExitPlan,
  type ExitConfigInput,
} from '@ai-interview-exit/core';
import { lintConfig } from '@ai-interview-exit/core/lint';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { progressAt } from '../support/fixtures.js';

const article = ExitConfigSchema.parse(ARTICLE_POLICY);

describe('resolveExitPlan: the article\'s rules (§4.1)', () => {
  const cases: { name: string; jobType: string; stage: string; expect: Record<string, unknown> }[] = [
    { name: 'R17 front-line role: HR reviews the exit', jobType: 'frontline', stage: 'professional', expect: { hrReview: true, gate: 'confirm' } },
    { name: 'R17 management role: exits freely, no review', jobType: 'manager', stage: 'professional', expect: { hrReview: false, gate: 'confirm' } },
    { name: 'R18 self-introduction stage: free exit, the reason still offered (R9)', jobType: 'engineer', stage: 'self-introduction', expect: { gate: 'free', progressNotice: false, steps: ['confirm', 'reason'] } },
    { name: 'R18 professional stage: confirmation with progress and reason', jobType: 'engineer', stage: 'professional', expect: { gate: 'confirm', progressNotice: true, steps: ['confirm', 'reason'] } },
    { name: 'R6 executives: a one-time code', jobType: 'executive', stage: 'professional', expect: { gate: 'verify', verification: { channel: 'sms' }, steps: ['confirm', 'reason', 'verify'] } },
    { name: 'R6 executives: the code wins over a free stage (later rule)', jobType: 'executive', stage: 'self-introduction', expect: { gate: 'verify' } },
    { name: 'R19 the 30-day cooldown is announced', jobType: 'manager', stage: 'closing', expect: { cooldownDays: 30 } },
    { name: 'front-line in self-introduction: free, but still reviewed', jobType: 'frontline', stage: 'self-introduction', expect: { gate: 'free', hrReview: true } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const plan = resolveExitPlan(article, { jobType: c.jobType, stage: c.stage, progress: progressAt(5) });
      for (const [key, value] of Object.entries(c.expect)) assert.deepEqual(plan[key as keyof typeof plan], value, key);
    });
  }

  it('names the rules that shaped the plan', () => {
    const plan = resolveExitPlan(article, { jobType: 'executive', stage: 'professional' });
    assert.deepEqual(plan.matchedRules, ['professional-confirm', 'executive-code']);
  });

  it('confirm is always the first step after an optional help offer (R5: never exit at once)', () => {
    const config = ExitConfigSchema.parse({ defaults: { gate: 'free', helpOffer: true } });
    assert.deepEqual(resolveExitPlan(config, { jobType: 'x', stage: 'y' }).steps, ['help', 'confirm', 'reason']);
  });

  it('a free exit still asks the reason when the policy requires one', () => {
    const config = ExitConfigSchema.parse({ defaults: { gate: 'free', reason: 'required' } });
    assert.deepEqual(resolveExitPlan(config, { jobType: 'x', stage: 'y' }).steps, ['confirm', 'reason']);
  });

  it('a free exit offers the optional reason too (R9: early exits are the ones HR most wants to understand)', () => {
    const config = ExitConfigSchema.parse({ defaults: { gate: 'free' } });
    const plan = resolveExitPlan(config, { jobType: 'x', stage: 'y' });
    assert.deepEqual([plan.steps, plan.reason, plan.progressNotice], [['confirm', 'reason'], 'optional', false]);
  });

  it('a rule may turn the reason off; the confirmation stays', () => {
    const config = ExitConfigSchema.parse({ rules: [{ when: { stages: ['self-introduction'] }, then: { gate: 'free', reason: 'off' } }] });
    assert.deepEqual(resolveExitPlan(config, { jobType: 'x', stage: 'self-introduction' }).steps, ['confirm']);
    assert.deepEqual(resolveExitPlan(config, { jobType: 'x', stage: 'professional' }).steps, ['confirm', 'reason']);
  });
});

describe('resolveExitPlan: progress bounds', () => {
  const config = ExitConfigSchema.parse({
    rules: [{ id: 'late', when: { minProgress: 0.9 }, then: { reason: 'required' } }, { id: 'early', when: { maxProgress: 0.2 }, then: { gate: 'free' } }],
  });
  const table: [answered: number, reason: string, gate: string][] = [
    [0, 'optional', 'free'],
    [1, 'optional', 'free'],
    [2, 'optional', 'confirm'],
    [8, 'optional', 'confirm'],
    [9, 'required', 'confirm'],
    [10, 'required', 'confirm'],
  ];
  for (const [answered, reason, gate] of table) {
    it(`${answered}/10 answered → reason ${reason}, gate ${gate}`, () => {
      const plan = resolveExitPlan(config, { jobType: 'x', stage: 'y', progress: progressAt(answered) });
      assert.equal(plan.reason, reason);
      assert.equal(plan.gate, gate);
    });
  }
  it('no progress known counts as 0 %', () => {
    assert.equal(resolveExitPlan(config, { jobType: 'x', stage: 'y' }).gate, 'free');
  });
});

describe('cooldownUntil (R19)', () => {
  it('adds whole days', () => assert.equal(cooldownUntil('2026-11-26T08:00:00.000Z', 30), '2026-12-26T08:00:00.000Z'));
  it('is null without a cooldown', () => assert.equal(cooldownUntil('2026-11-26T08:00:00.000Z', 0), null));
});

describe('lintConfig: configs that could trap a candidate are refused', () => {
  const trapping: { name: string; input: ExitConfigInput; code: string }[] = [
    { name: 'exit disabled', input: { exitEnabled: false }, code: 'exit-disabled' },
    { name: 'a required code with no channel (defaults)', input: { defaults: { gate: 'verify' }, verification: { channel: 'none' } }, code: 'verify-without-channel' },
    { name: 'a required code with no channel (a rule)', input: { rules: [{ when: { jobTypes: ['executive'] }, then: { gate: 'verify' } }], verification: { channel: 'none' } }, code: 'verify-without-channel' },
    { name: 'a required reason with no options and no free text', input: { defaults: { reason: 'required' }, reasons: [], freeText: { enabled: false } }, code: 'reason-required-without-options' },
    { name: 'HR approval before the exit takes effect (defaults)', input: { defaults: { review: 'before-exit' } }, code: 'review-before-exit' },
    { name: 'HR approval before the exit takes effect (a rule)', input: { rules: [{ when: { jobTypes: ['frontline'] }, then: { review: 'before-exit' } }] }, code: 'review-before-exit' },
    { name: 'the same reason twice', input: { reasons: [{ code: 'emergency' }, { code: 'emergency' }] }, code: 'duplicate-reason' },
  ];
  for (const t of trapping) {
    it(t.name, () => {
      const problems = lintConfig(ExitConfigSchema.parse(t.input));
      assert.ok(problems.some((p) => p.severity === 'error' && p.code === t.code), JSON.stringify(problems));
      const parsed = parseConfig(t.input);
      assert.equal(parsed.ok, false);
      assert.deepEqual(parsed.config, defaultConfig(), 'a refused config is replaced by the defaults');
    });
  }

  it('passes the defaults and the article\'s policy with no problem at all', () => {
    assert.deepEqual(lintConfig(defaultConfig()), []);
    assert.deepEqual(lintConfig(article), []);
  });

  it('warns without refusing: a rule that never matches, an unlabelled reason, a slow resend', () => {
    const input = {
      rules: [{ when: { minProgress: 0.8, maxProgress: 0.5 }, then: {} }],
      reasons: [{ code: 'relocation' }],
      verification: { resendSeconds: 600 },
    };
    const problems = lintConfig(ExitConfigSchema.parse(input));
    assert.deepEqual(problems.map((p) => p.code).sort(), ['reason-without-label', 'rule-never-matches', 'slow-resend']);
    const helpless = lintConfig(ExitConfigSchema.parse({ rules: [{ when: { jobTypes: ['frontline'] }, then: { helpOffer: true } }] }));
    assert.deepEqual(helpless.map((p) => [p.code, p.path.join('.')]), [['help-without-answers', 'help.faq']]);
    assert.ok(problems.every((p) => p.severity === 'warning'));
    // The widget's check (parseConfig) looks for traps only: advice never refuses a config.
    assert.deepEqual(parseConfig(input), { ok: true, config: ExitConfigSchema.parse(input), problems: [] });
  });

  it('a malformed config is refused with the path and a readable message', () => {
    const parsed = parseConfig({ cooldownDays: -3, rules: [{ when: { jobTypes: ['Front Line'] }, then: {} }] });
    assert.equal(parsed.ok, false);
    const paths = parsed.problems.map((p) => p.path.join('.'));
    assert.ok(paths.includes('cooldownDays'), paths.join());
    assert.ok(paths.includes('rules.0.when.jobTypes.0'), paths.join());
    assert.ok(parsed.problems.every((p) => p.message.length > 5));
  });

  it('null, undefined and non-objects are handled, never thrown', () => {
    assert.equal(parseConfig(undefined).ok, true);
    assert.equal(parseConfig(null).ok, true);
    assert.equal(parseConfig('exit').ok, false);
    assert.equal(parseConfig(42).ok, false);
  });

  it('warns of a reason code that spells one of the reason form\'s own sentences ("none", "counter"…)', () => {
    const problems = lintConfig(ExitConfigSchema.parse({ reasons: [{ code: 'none', labels: { en: 'None of these' } }, { code: 'constructor', labels: { en: 'Builder' } }] }));
    assert.deepEqual(problems.map((p) => [p.severity, p.code, p.path.join('.')]), [['warning', 'reason-code-reserved', 'reasons.0.code']]);
  });

  it('a failed code with "contact-hr" and no contact is advice, not a trap: the exit without the code is always there', () => {
    const input = { defaults: { gate: 'verify' as const }, verification: { onFailure: 'contact-hr' as const } };
    const problems = lintConfig(ExitConfigSchema.parse(input));
    assert.deepEqual(problems.map((p) => [p.severity, p.code, p.path.join('.')]), [['warning', 'contact-hr-without-contact', 'hrContact']]);
    assert.equal(parseConfig(input).ok, true);
  });

  it('locale keys are BCP 47 tags: an Object.prototype name is refused with its path, never thrown', () => {
    for (const key of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf']) {
      const labels = JSON.parse(`{"${key}":"Other"}`);
      const reasons = parseConfig({ reasons: [{ code: 'other', labels }] });
      assert.equal(reasons.ok, false, key);
      assert.deepEqual(reasons.problems.map((p) => p.path.join('.')), ['reasons.0.labels'], key);
      const faq = parseConfig({ help: { faq: [{ question: labels, answer: { en: 'Yes' } }] } });
      assert.deepEqual(faq.problems.map((p) => p.path.join('.')), ['help.faq.0.question'], key);
    }
    assert.equal(parseConfig({ reasons: [{ code: 'relocation', labels: { 'zh-CN': '搬家', en: 'Moving', 'en-US': 'Moving' } }] }).ok, true);
    // zod leaves `__proto__` out of what it returns: no label, and no prototype changed.
    const proto = parseConfig(JSON.parse('{"reasons": [{"code": "other", "labels": {"__proto__": {"en": "Other"}}}]}'));
    assert.ok(!proto.ok || Object.keys(proto.config.reasons[0]!.labels!).length === 0);
    assert.equal(Object.getPrototypeOf(proto.config.reasons[0]!.labels ?? {}), Object.prototype);
  });
});
