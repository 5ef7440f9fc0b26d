// "Never trapped, never frozen" (R20): whatever config a vendor writes, nothing throws, and every
// config the widget accepts leaves each candidate a path to a recorded exit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canExitUnverified, flowOptions, parseConfig, reduce, resolveExitPlan, INITIAL_STATE, type FlowAction, type FlowEffect, type FlowState } from '@ai-interview-exit/core';
import { addBundles, configResources, createI18n, type ResourceBundle } from '@ai-interview-exit/core/i18n';
import { exitRateAlerts } from '@ai-interview-exit/core/insights';
import { lintConfig } from '@ai-interview-exit/core/lint';
import { setupArb, type Setup } from '../support/config-arbitraries.js';
import { contextFor, progressAt, T0 } from '../support/fixtures.js';

const RUNS = Math.max(10_000, Number(process.env.FC_RUNS ?? 0));

/** The candidate's shortest walk to the exit: on past the help, a reason when one is required, confirm, and the way out of a code that cannot be sent. */
function walkToExit(setup: Setup, config: ReturnType<typeof parseConfig>['config']) {
  const { jobType, stage } = setup.context;
  let context = contextFor({ jobType, stage, progress: progressAt(setup.context.answered, 10, stage) });
  let plan = resolveExitPlan(config, context);
  if (plan.complete) {
    // Every question answered: a finished interview is not an exit (bug 7). Closing it records nothing;
    // the walk below is then the one of a candidate one answer short, who must have a way out.
    const opened = reduce(INITIAL_STATE, { type: 'open', source: 'button', context, plan, options: flowOptions(config) });
    assert.deepEqual([opened.state, opened.effects], [{ status: 'complete' }, []]);
    assert.deepEqual(reduce(opened.state, { type: 'cancel' }).effects, [{ type: 'emit', event: { name: 'exit-cancel', step: 'complete' } }]);
    context = contextFor({ jobType, stage, progress: progressAt(9, 10, stage) });
    plan = resolveExitPlan(config, context);
  }
  const options = flowOptions(config);
  const stamp = { at: T0, recordKey: '00000000-0000-4000-8000-000000000001', deletionKey: '00000000-0000-4000-8000-000000000002', progress: context.progress };
  let state: FlowState = INITIAL_STATE;
  const effects: FlowEffect[] = [];
  const act = (action: FlowAction) => {
    const next = reduce(state, action);
    state = next.state;
    effects.push(...next.effects);
  };
  // Read through a function: each action changes the state behind TypeScript's narrowing.
  const now = (): FlowState => state;
  act({ type: 'open', source: 'button', context, plan, options });
  if (now().status === 'help') act({ type: 'continueExit' });
  assert.equal(now().status, 'confirm');
  // Pick a reason whenever there are some (a follow-up keyed by the code must be the config's own).
  const code = options.reasonCodes[setup.reasonPick % Math.max(1, options.reasonCodes.length)];
  if (code !== undefined) act({ type: 'setReason', code });
  else if (plan.reason === 'required') act({ type: 'setReasonText', text: 'I have to go' });
  act({ type: 'confirm', stamp });
  if (now().status === 'verify') {
    act({ type: 'codeSendFailed', error: 'network' });
    const verify = now();
    assert.ok(verify.status === 'verify' && canExitUnverified(verify.verify), 'a code that cannot be sent leaves a way out');
    act({ type: 'exitUnverified', stamp });
  }
  act({ type: 'exitStored' });
  return { plan, state: now(), effects, code };
}

describe('any config (R20): never a throw, always a way out', () => {
  it(`${RUNS} generated and mutated configs: parsed, put into words, planned and walked to a recorded exit`, () => {
    const tally = { tried: 0, accepted: 0, refused: 0, verified: 0, helped: 0 };
    const sharedI18n = createI18n('en');
    fc.assert(
      fc.property(setupArb, (setup) => {
        tally.tried++;
        const parsed = parseConfig(setup.config);
        tally[parsed.ok ? 'accepted' : 'refused']++;
        lintConfig(parsed.config);
        const words = configResources(parsed.config);
        for (const value of Object.values(words)) assert.equal(typeof value, 'object');
        // As the widget does: the config's words and the vendor's strings over the shipped ones, in a
        // fresh instance (1 config in 10: an instance costs milliseconds), and over all earlier ones.
        const messages = setup.messages as Record<string, ResourceBundle>;
        if (tally.tried % 10 === 0) assert.equal(typeof createI18n('en', words, messages).t('exit.button'), 'string');
        addBundles(sharedI18n, words, messages);
        assert.equal(typeof sharedI18n.t('exit.button'), 'string');
        // As many exits as the minimum sample of begun interviews: every one ended in an exit.
        const sample = parsed.config.report.minInterviews;
        const alerts = exitRateAlerts([{ key: setup.context.jobType, exits: sample, started: sample, rate: 1 }], parsed.config.report);
        const { roleThresholds, exitRateThreshold } = parsed.config.report;
        const threshold = Object.entries(roleThresholds).find(([jobType]) => jobType === setup.context.jobType)?.[1] ?? exitRateThreshold;
        assert.equal(alerts.length, threshold < 1 ? 1 : 0, `a role whose every interview ended in an exit, threshold ${threshold} (${setup.context.jobType})`);

        const { plan, state, effects, code } = walkToExit(setup, parsed.config);
        tally.verified += plan.verification ? 1 : 0;
        tally.helped += plan.helpOffer ? 1 : 0;
        assert.equal(state.status, 'done');
        const stored = effects.filter((effect) => effect.type === 'storeExit');
        assert.equal(stored.length, 1, 'one record');
        const { record } = stored[0] as Extract<FlowEffect, { type: 'storeExit' }>;
        assert.equal(record.verification, plan.verification ? 'unverified' : 'not-required');
        assert.equal(record.hrReview, plan.hrReview || !!plan.verification);
        const followUps = effects.filter((effect) => effect.type === 'followUp');
        const expected = parsed.config.reasons.find((reason) => reason.code === code)?.followUp;
        assert.deepEqual(followUps.map((effect) => effect.request.kind), expected ? [expected] : [], `follow-up of reason ${code}`);
      }),
      { numRuns: RUNS, seed: 20261202, includeErrorInReport: true },
    );
    console.log(`configs tried ${tally.tried}, accepted ${tally.accepted}, refused ${tally.refused}; accepted with a code gate ${tally.verified}, with the help offer ${tally.helped}`);
    assert.ok(tally.accepted > RUNS / 5, 'enough configs are accepted to walk');
  });
});
