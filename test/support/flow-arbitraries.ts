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
  type Stamp,
} from '@ai-interview-exit/core';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { T0, contextFor, progressAt, recordFor } from './fixtures.js';

const config = ExitConfigSchema.parse({ ...ARTICLE_POLICY, defaults: { helpOffer: false } });
const helpConfig = ExitConfigSchema.parse({ ...ARTICLE_POLICY, defaults: { helpOffer: true, reason: 'required' } });
const errors = ['network', 'timeout', 'rate-limited', 'unavailable', 'invalid-response'] as const;
const instant = fc.integer({ min: 0, max: 3_600_000 }).map((ms) => new Date(Date.parse(T0) + ms).toISOString());
const uuid = fc.uuid({ version: 4 });
const stages = ['self-introduction', 'professional', 'closing'] as const;

/** Two interviews: a stamp's live progress is sometimes the session's own, sometimes another's. */
const interviewIdArb = fc.constantFrom('iv-1', 'iv-2');
const candidateRefArb = fc.stringMatching(/^cand-[0-9a-f]{1,8}$/);
/** A progress snapshot of `interviewId`: any stage, any total, any number answered (every one of them in 1 of 8: a finished interview). */
const progressArb = (interviewId: string) =>
  fc
    .record({
      total: fc.integer({ min: 1, max: 12 }),
      share: fc.oneof({ arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 7 }, { arbitrary: fc.constant(1), weight: 1 }),
      stage: fc.constantFrom(...stages),
    })
    .map(({ total, share, stage }) => progressAt(Math.floor(share * total), total, stage, interviewId));

export const stampArb = fc.record({
  at: instant,
  recordKey: uuid,
  deletionKey: uuid,
  progress: fc.option(interviewIdArb.chain(progressArb), { nil: null, freq: 4 }),
});

export const openArb = fc
  .record({
    interviewId: interviewIdArb,
    candidateRef: candidateRefArb,
    jobType: fc.constantFrom('frontline', 'manager', 'executive', 'engineer'),
    stage: fc.constantFrom(...stages),
    source: fc.constantFrom('button', 'link', 'api', 'resume-prompt'),
    help: fc.boolean(),
  })
  .chain((picked) => fc.option(progressArb(picked.interviewId), { nil: null, freq: 4 }).map((progress) => ({ ...picked, progress })))
  .map(({ interviewId, candidateRef, jobType, stage, progress, source, help }): FlowAction => {
    const chosen = help ? helpConfig : config;
    const context = contextFor({ interviewId, candidateRef, jobType, stage, progress });
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
    const record = recordFor({
      idempotencyKey: stamp.recordKey, interviewId: context.interviewId, candidateRef: context.candidateRef, jobType: context.jobType, stage: context.stage,
      progress: context.progress, exitedAt: stamp.at, timeZone: context.timeZone, locale: context.locale, reason: null, dataChoice, hrReview: false,
    });
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

/** One reduction of a played scenario: the state it started from, the action, what it asked for. */
export interface PlayedStep {
  before: FlowState;
  action: FlowAction;
  effects: FlowEffect[];
}

/**
 * A candidate who means to leave, from `state`: opens (with `open`), goes past the help offer,
 * picks a reason where one is required, confirms (with `stamp`), gets and types a code (a quarter
 * of them are locked out and leave unverified), and the exit is stored. Null once there is nothing more to do (done, re-entry, a finished interview).
 */
export function towardRecord(state: FlowState, finish: { open: FlowAction; stamp: Stamp }): FlowAction | null {
  const { stamp } = finish;
  switch (state.status) {
    case 'idle':
    case 'resume':
      return finish.open;
    case 'help':
      return { type: 'continueExit' };
    case 'confirm': {
      const { draft, options, plan } = state.session;
      const hasReason = draft.reasonCode !== null || draft.reasonText.trim() !== '';
      return plan.reason === 'required' && !hasReason ? { type: 'setReason', code: options.reasonCodes[0] ?? null } : { type: 'confirm', stamp };
    }
    case 'verify': {
      const { verify } = state;
      if (verify.phase === 'sending') {
        return { type: 'codeSent', challenge: { challengeId: 'ch-1', channel: 'sms', maskedDestination: '138****5678', expiresAt: stamp.at, resendAt: stamp.at, attemptsLeft: 3 } };
      }
      if (verify.phase === 'sent' || (verify.phase === 'failed' && verify.error === 'wrong-code')) return { type: 'submitCode', code: '123456' };
      // A quarter of them (by the stamp's key) run out of attempts, and leave unverified.
      if (verify.phase === 'checking') {
        const result = /^[0-3]/.test(stamp.recordKey) ? { status: 'locked' as const, attemptsLeft: 0 } : { status: 'accepted' as const, attemptsLeft: 3 };
        return { type: 'codeChecked', result, stamp };
      }
      return { type: 'exitUnverified', stamp };
    }
    case 'submitting':
      return { type: 'exitStored' };
    case 'done':
    case 'reentry':
    case 'complete':
      return null;
  }
}

/**
 * Play a scenario from the initial state. With `finish`, the candidate then goes on toward a
 * record (`towardRecord`), so that the properties about records hold in most runs, not a few.
 */
export function playScenario(steps: Scenario, finish?: { open: FlowAction; stamp: Stamp }) {
  let state: FlowState = INITIAL_STATE;
  const actions: FlowAction[] = [];
  const states: FlowState[] = [state];
  const effects: FlowEffect[] = [];
  const played: PlayedStep[] = [];
  const apply = (action: FlowAction) => {
    const next = reduce(state, action);
    played.push({ before: state, action, effects: next.effects });
    actions.push(action);
    state = next.state;
    states.push(state);
    effects.push(...next.effects);
  };
  for (const step of steps) {
    const options = plausible(state);
    apply(step.chaos === 0 ? step.random : (step.actions[options[step.pick % options.length]!] as FlowAction));
  }
  for (let i = 0; finish && i < 12; i += 1) {
    const action = towardRecord(state, finish);
    if (!action) break;
    apply(action);
  }
  return { state, states, actions, effects, played };
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
