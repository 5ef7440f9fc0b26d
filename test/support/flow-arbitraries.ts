// fast-check generators for everything that can happen to the exit flow, sensible or not.
import fc from 'fast-check';
import {
  INITIAL_STATE,
  reduce,
  type FlowEffect,
  type FlowState,
  ExitConfigSchema,
  flowOptions,
  resolveExitPlan,
  type FlowAction,
  type FlowInput,
} from '@ai-interview-exit/core';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { T0, contextFor, progressAt } from './fixtures.js';

const config = ExitConfigSchema.parse({ ...ARTICLE_POLICY, defaults: { helpOffer: false } });
const helpConfig = ExitConfigSchema.parse({ ...ARTICLE_POLICY, defaults: { helpOffer: true, reason: 'required' } });
const errors = ['network', 'timeout', 'rate-limited', 'unavailable', 'invalid-response'] as const;
const instant = fc.integer({ min: 0, max: 3_600_000 }).map((ms) => new Date(Date.parse(T0) + ms).toISOString());
const uuid = fc.uuid({ version: 4 });

export const stampArb = fc.record({
  at: instant,
  recordKey: uuid,
  deletionKey: uuid,
  progress: fc.option(fc.integer({ min: 0, max: 10 }).map((n) => progressAt(n)), { nil: null }),
});

export const openArb = fc
  .record({
    jobType: fc.constantFrom('frontline', 'manager', 'executive', 'engineer'),
    stage: fc.constantFrom('self-introduction', 'professional', 'closing'),
    answered: fc.integer({ min: 0, max: 10 }),
    source: fc.constantFrom('button', 'link', 'api', 'resume-prompt'),
    help: fc.boolean(),
  })
  .map(({ jobType, stage, answered, source, help }): FlowAction => {
    const chosen = help ? helpConfig : config;
    const context = contextFor({ jobType, stage, progress: progressAt(answered, 10, stage) });
    return { type: 'open', source, context, plan: resolveExitPlan(chosen, context), options: flowOptions(chosen) };
  });

const challengeArb = fc.record({
  challengeId: fc.constantFrom('ch-1', 'ch-2'),
  channel: fc.constant('sms' as const),
  maskedDestination: fc.constant('138****5678'),
  expiresAt: instant,
  resendAt: instant,
  attemptsLeft: fc.integer({ min: 0, max: 5 }),
});

const receiptArb = fc.record({
  idempotencyKey: uuid,
  interviewId: fc.constant('iv-1'),
  receivedAt: instant,
  status: fc.constantFrom('exited' as const, 'under-review' as const),
  cooldownUntil: fc.option(instant, { nil: null }),
});

/** One generator per action type: what the candidate, the backend and the page can do. */
export const actionArbs = {
  open: openArb,
  continueExit: fc.constant<FlowAction>({ type: 'continueExit' }),
  cancel: fc.constant<FlowAction>({ type: 'cancel' }),
  requestHandoff: fc.record({ type: fc.constant('requestHandoff' as const), topic: fc.constantFrom('reschedule' as const, 'edit-resume' as const, 'other' as const), message: fc.string({ maxLength: 1200 }) }),
  setReason: fc.record({ type: fc.constant('setReason' as const), code: fc.constantFrom(null, 'emergency', 'mis-click', 'not-interested', 'privacy', 'other', 'bogus') }),
  setReasonText: fc.record({ type: fc.constant('setReasonText' as const), text: fc.string({ maxLength: 700 }) }),
  setDataChoice: fc.record({ type: fc.constant('setDataChoice' as const), choice: fc.constantFrom('keep' as const, 'anonymise' as const, 'delete' as const) }),
  setPersonRequested: fc.record({ type: fc.constant('setPersonRequested' as const), requested: fc.boolean() }),
  confirm: fc.record({ type: fc.constant('confirm' as const), stamp: stampArb }),
  submitCode: fc.record({ type: fc.constant('submitCode' as const), code: fc.oneof({ arbitrary: fc.stringMatching(/^\d{6}$/), weight: 3 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }) }),
  resendCode: fc.record({ type: fc.constant('resendCode' as const), at: instant }),
  exitUnverified: fc.record({ type: fc.constant('exitUnverified' as const), stamp: stampArb }),
  codeStepUnavailable: fc.constant<FlowAction>({ type: 'codeStepUnavailable' }),
  resumeAccepted: fc.constant<FlowAction>({ type: 'resumeAccepted' }),
  codeSent: fc.record({ type: fc.constant('codeSent' as const), challenge: challengeArb }),
  codeSendFailed: fc.record({ type: fc.constant('codeSendFailed' as const), error: fc.constantFrom(...errors) }),
  codeChecked: fc.record({
    type: fc.constant('codeChecked' as const),
    result: fc.oneof(
      fc.constant({ status: 'accepted' as const, attemptsLeft: 4 }),
      fc.integer({ min: 0, max: 4 }).map((n) => ({ status: 'rejected' as const, attemptsLeft: n })),
      fc.constant({ status: 'locked' as const, attemptsLeft: 0 }),
    ),
    stamp: stampArb,
  }),
  codeCheckFailed: fc.record({ type: fc.constant('codeCheckFailed' as const), error: fc.constantFrom(...errors) }),
  exitStored: fc.constant<FlowAction>({ type: 'exitStored' }),
  exitRecovered: fc.record({ stamp: stampArb, dataChoice: fc.constantFrom('keep' as const, 'delete' as const) }).map(({ stamp, dataChoice }): FlowAction => {
    const context = contextFor();
    const record = {
      idempotencyKey: stamp.recordKey, interviewId: context.interviewId, candidateRef: context.candidateRef, jobType: context.jobType, stage: context.stage,
      progress: context.progress, exitedAt: stamp.at, timeZone: context.timeZone, locale: context.locale, reason: null, dataChoice,
      source: 'button' as const, verification: 'not-required' as const, hrReview: false, personRequested: false,
    };
    const deletion = dataChoice === 'keep' ? null : { idempotencyKey: stamp.deletionKey, interviewId: context.interviewId, candidateRef: context.candidateRef, scope: dataChoice, requestedAt: stamp.at };
    return { type: 'exitRecovered', record, deletion };
  }),
  exitAcknowledged: fc.record({ type: fc.constant('exitAcknowledged' as const), receipt: receiptArb }),
  exitQueued: fc.record({ type: fc.constant('exitQueued' as const), error: fc.constantFrom(...errors) }),
  exitRejected: fc.record({ type: fc.constant('exitRejected' as const), error: fc.constantFrom(...errors) }),
  deletionRejected: fc.record({ type: fc.constant('deletionRejected' as const), error: fc.constantFrom(...errors) }),
  deletionReceived: fc.record({
    type: fc.constant('deletionReceived' as const),
    receipt: fc.record({ requestId: fc.constant('del-1'), receivedAt: instant, deadline: instant, status: fc.constant('received' as const) }),
  }),
  statusLoaded: fc.record({
    type: fc.constant('statusLoaded' as const),
    status: fc.record({ interviewId: fc.constant('iv-1'), status: fc.constantFrom('active' as const, 'exited' as const, 'under-review' as const), exitedAt: fc.constant(null), cooldownUntil: fc.constant(null) }),
  }),
  resumeFound: fc.record({ type: fc.constant('resumeFound' as const), snapshot: fc.integer({ min: 0, max: 9 }).map((n) => progressAt(n)) }),
  handoffDone: fc.record({ type: fc.constant('handoffDone' as const), result: fc.constant({ ticketId: 't-1', status: 'queued' as const }) }),
  handoffFailed: fc.constant<FlowAction>({ type: 'handoffFailed' }),
} satisfies { [K in FlowAction['type']]: fc.Arbitrary<Extract<FlowAction, { type: K }>> | fc.Arbitrary<FlowAction> };

type ActionType = keyof typeof actionArbs;

/** Any action at all, whatever the state: chaos. */
export const anyActionArb: fc.Arbitrary<FlowAction> = fc.oneof(...Object.values(actionArbs));
export const userActionArb: fc.Arbitrary<FlowAction> = fc.oneof(
  ...(['open', 'continueExit', 'cancel', 'requestHandoff', 'setReason', 'setReasonText', 'setDataChoice', 'setPersonRequested', 'confirm', 'submitCode', 'resendCode', 'exitUnverified', 'resumeAccepted'] as const).map((t) => actionArbs[t]),
);

/** What a real session would do next in each state (cancel included, but rarer). */
function plausible(state: FlowState): ActionType[] {
  switch (state.status) {
    case 'idle': return ['open', 'open', 'open', 'statusLoaded', 'resumeFound', 'exitRecovered'];
    case 'resume': return ['resumeAccepted', 'open', 'exitRecovered'];
    case 'reentry': return ['open', 'exitRecovered'];
    case 'complete': return ['cancel', 'confirm', 'open'];
    case 'help': return ['continueExit', 'continueExit', 'requestHandoff', 'handoffDone', 'handoffFailed', 'cancel'];
    case 'confirm': return ['setReason', 'setReasonText', 'setDataChoice', 'setPersonRequested', 'confirm', 'confirm', 'confirm', 'cancel'];
    case 'submitting': return ['exitStored', 'confirm'];
    case 'done': return ['exitAcknowledged', 'exitQueued', 'exitRejected', 'deletionReceived', 'deletionRejected', 'confirm'];
    case 'verify':
      switch (state.verify.phase) {
        case 'sending': return ['codeSent', 'codeSent', 'codeSendFailed', 'codeStepUnavailable'];
        case 'sent': return ['submitCode', 'submitCode', 'resendCode', 'setReasonText'];
        case 'checking': return ['codeChecked', 'codeChecked', 'codeCheckFailed', 'submitCode'];
        case 'failed': return ['submitCode', 'exitUnverified', 'resendCode', 'cancel'];
        case 'locked': return ['exitUnverified', 'exitUnverified', 'cancel'];
      }
  }
}

/**
 * A session: mostly what a real one would do next, with 1 step in 5 pure chaos (any action at
 * all), so that deep states are reached and stray events are still thrown at every one of them.
 */
export const scenarioArb = fc.array(
  fc.record({ chaos: fc.integer({ min: 0, max: 4 }), pick: fc.nat(), actions: fc.record(actionArbs), random: anyActionArb }),
  { minLength: 1, maxLength: 40 },
);
export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

export function playScenario(steps: Scenario) {
  let state: FlowState = INITIAL_STATE;
  const actions: FlowAction[] = [];
  const states: FlowState[] = [state];
  const effects: FlowEffect[] = [];
  for (const step of steps) {
    const options = plausible(state);
    const action = step.chaos === 0 ? step.random : (step.actions[options[step.pick % options.length]!] as FlowAction);
    const next = reduce(state, action);
    actions.push(action);
    state = next.state;
    states.push(state);
    effects.push(...next.effects);
  }
  return { state, states, actions, effects };
}

/** Candidate actions for a store, which stamps and answers by itself; `tick` lets the adapter answer. */
export const storeInputArb: fc.Arbitrary<Exclude<FlowInput, { type: 'open' }> | { type: 'open' } | { type: 'tick' }> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ type: 'open' as const }) },
  { weight: 1, arbitrary: fc.constant<FlowInput>({ type: 'continueExit' }) },
  { weight: 1, arbitrary: fc.constant<FlowInput>({ type: 'cancel' }) },
  { weight: 5, arbitrary: fc.constant<FlowInput>({ type: 'confirm' }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setReason' as const), code: fc.constantFrom(null, 'emergency', 'not-interested') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setReasonText' as const), text: fc.string({ maxLength: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setDataChoice' as const), choice: fc.constantFrom('keep' as const, 'delete' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setPersonRequested' as const), requested: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('submitCode' as const), code: fc.stringMatching(/^\d{6}$/) }) },
  { weight: 1, arbitrary: fc.constant<FlowInput>({ type: 'exitUnverified' }) },
  { weight: 5, arbitrary: fc.constant({ type: 'tick' as const }) },
);
