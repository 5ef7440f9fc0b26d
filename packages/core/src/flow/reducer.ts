import type { DeletionRequest } from '../schemas/deletion.js';
import type { ExitReason, ExitRecord } from '../schemas/exit-record.js';
import type { ExitDraft, ExitSession, FlowAction, FlowOptions, FlowEffect, FlowState, Stamp, Transition, VerifyPhase } from './state.js';

const stay = (state: FlowState): Transition => ({ state, effects: [] });
const emit = (event: Extract<FlowEffect, { type: 'emit' }>['event']): FlowEffect => ({ type: 'emit', event });

/**
 * The exit flow as a pure function: the next state and the work to do, never a throw.
 * An action that makes no sense in the current state leaves it as it is, so that a double
 * click, a late network answer or a stray key cannot produce a second record.
 */
export function reduce(state: FlowState, action: FlowAction): Transition {
  switch (state.status) {
    case 'idle':
    case 'resume':
      return fromRestingState(state, action);
    case 'reentry':
      return action.type === 'exitRecovered' ? recovered(action) : stay(state);
    case 'complete':
      return action.type === 'cancel' ? cancelled('complete') : stay(state);
    case 'help':
      return fromHelp(state, action);
    case 'confirm':
      return fromConfirm(state, action);
    case 'verify':
      return fromVerify(state, action);
    case 'submitting':
      return action.type === 'exitStored' ? recorded(state) : stay(state);
    case 'done':
      return fromDone(state, action);
  }
}

function fromRestingState(state: Extract<FlowState, { status: 'idle' | 'resume' }>, action: FlowAction): Transition {
  switch (action.type) {
    case 'open': {
      const { source, context, plan, options } = action;
      // A finished interview is not an exit: say so, record nothing.
      if (plan.complete) return stay({ status: 'complete' });
      const session: ExitSession = { source, context, plan, options, draft: { reasonCode: null, reasonText: '', dataChoice: 'keep', personRequested: false } };
      return stay(plan.steps[0] === 'help' ? { status: 'help', session, handoff: { status: 'none' } } : { status: 'confirm', session, problem: null });
    }
    case 'statusLoaded':
      return action.status.status === 'active' ? stay(state) : stay({ status: 'reentry', interview: action.status });
    case 'resumeFound':
      return state.status === 'idle' ? stay({ status: 'resume', snapshot: action.snapshot }) : stay(state);
    case 'exitRecovered':
      return recovered(action);
    case 'resumeAccepted':
      return state.status === 'resume'
        ? { state: { status: 'idle' }, effects: [emit({ name: 'resume', snapshot: state.snapshot })] }
        : stay(state);
    default:
      return stay(state);
  }
}

function cancelled(step: 'help' | 'confirm' | 'verify' | 'complete'): Transition {
  return { state: { status: 'idle' }, effects: [emit({ name: 'exit-cancel', step })] };
}

function fromHelp(state: Extract<FlowState, { status: 'help' }>, action: FlowAction): Transition {
  const { session } = state;
  switch (action.type) {
    case 'continueExit':
      return stay({ status: 'confirm', session, problem: null });
    case 'cancel':
      return cancelled('help');
    case 'requestHandoff': {
      if (state.handoff.status === 'requesting') return stay(state);
      const { interviewId, candidateRef } = session.context;
      const request = { interviewId, candidateRef, topic: action.topic, message: action.message.slice(0, 1000) };
      return { state: { ...state, handoff: { status: 'requesting' } }, effects: [{ type: 'handoff', request }] };
    }
    case 'handoffDone':
      return state.handoff.status === 'requesting' ? stay({ ...state, handoff: { status: 'done', result: action.result } }) : stay(state);
    case 'handoffFailed':
      return state.handoff.status === 'requesting' ? stay({ ...state, handoff: { status: 'failed' } }) : stay(state);
    default:
      return stay(state);
  }
}

/** Draft edits are accepted wherever the draft is still being written. */
function editDraft(session: ExitSession, action: FlowAction): ExitSession | null {
  const draft = session.draft;
  const { options } = session;
  let next: ExitDraft;
  switch (action.type) {
    case 'setReason':
      if (action.code !== null && !options.reasonCodes.includes(action.code)) return null;
      next = { ...draft, reasonCode: action.code };
      break;
    case 'setReasonText':
      if (!options.freeText) return null;
      next = { ...draft, reasonText: action.text.slice(0, options.textLimit) };
      break;
    case 'setDataChoice':
      next = { ...draft, dataChoice: action.choice };
      break;
    case 'setPersonRequested':
      next = { ...draft, personRequested: action.requested };
      break;
    default:
      return null;
  }
  return { ...session, draft: next };
}

function fromConfirm(state: Extract<FlowState, { status: 'confirm' }>, action: FlowAction): Transition {
  const { session } = state;
  const edited = editDraft(session, action);
  if (edited) return stay({ status: 'confirm', session: edited, problem: null });
  switch (action.type) {
    case 'cancel':
      return cancelled('confirm');
    case 'confirm': {
      const { plan, draft } = session;
      const hasReason = draft.reasonCode !== null || draft.reasonText.trim() !== '';
      if (plan.reason === 'required' && !hasReason) return stay({ ...state, problem: 'reason-required' });
      if (plan.verification) {
        return { state: { status: 'verify', session, verify: { phase: 'sending', challenge: null } }, effects: [sendCode(session)] };
      }
      return submit(session, action.stamp, 'not-required');
    }
    default:
      return stay(state);
  }
}

/** Ask for a one-time code (R6), in the candidate's language, on the plan's channel. */
function sendCode({ context, plan }: ExitSession): FlowEffect {
  const { interviewId, candidateRef, locale } = context;
  return { type: 'sendCode', request: { interviewId, candidateRef, channel: plan.verification?.channel ?? 'sms', locale } };
}

function fromVerify(state: Extract<FlowState, { status: 'verify' }>, action: FlowAction): Transition {
  const { session, verify } = state;
  const edited = editDraft(session, action);
  if (edited) return stay({ ...state, session: edited });
  switch (action.type) {
    case 'cancel':
      return cancelled('verify');
    case 'codeSent':
      return verify.phase === 'sending' ? stay({ ...state, verify: { phase: 'sent', challenge: action.challenge } }) : stay(state);
    case 'codeSendFailed':
      if (verify.phase !== 'sending') return stay(state);
      return stay({ ...state, verify: { phase: 'failed', challenge: verify.challenge, error: action.error } });
    case 'submitCode': {
      const ready = verify.phase === 'sent' || (verify.phase === 'failed' && verify.challenge !== null);
      if (!ready || !verify.challenge) return stay(state);
      // The shape is checked here (the backend checks the code): a short code is said, never sent.
      if (!/^\d+$/.test(action.code) || action.code.length !== session.options.codeLength) {
        return stay({ ...state, verify: { phase: 'failed', challenge: verify.challenge, error: 'short-code' } });
      }
      const request = { challengeId: verify.challenge.challengeId, code: action.code };
      return { state: { ...state, verify: { phase: 'checking', challenge: verify.challenge } }, effects: [{ type: 'verifyCode', request }] };
    }
    case 'codeChecked': {
      if (verify.phase !== 'checking') return stay(state);
      const { result } = action;
      if (result.status === 'accepted') return submit(session, action.stamp, 'verified');
      if (result.status === 'locked' || result.attemptsLeft === 0) return stay({ ...state, verify: { phase: 'locked', challenge: verify.challenge } });
      const challenge = { ...verify.challenge, attemptsLeft: result.attemptsLeft };
      return stay({ ...state, verify: { phase: 'failed', challenge, error: 'wrong-code' } });
    }
    case 'codeCheckFailed':
      if (verify.phase !== 'checking') return stay(state);
      return stay({ ...state, verify: { phase: 'failed', challenge: verify.challenge, error: action.error } });
    case 'resendCode': {
      const canResend = verify.phase === 'sent' || verify.phase === 'failed';
      if (!canResend || (verify.challenge && Date.parse(action.at) < Date.parse(verify.challenge.resendAt))) return stay(state);
      return { state: { ...state, verify: { phase: 'sending', challenge: verify.challenge } }, effects: [sendCode(session)] };
    }
    case 'exitUnverified':
      return canExitUnverified(verify) ? submit(session, action.stamp, 'unverified') : stay(state);
    case 'codeStepUnavailable':
      // As when no code can be sent: the way out opens, and the exit stands unverified for HR.
      return verify.phase === 'locked' ? stay(state) : stay({ ...state, verify: { phase: 'failed', challenge: null, error: 'unavailable' } });
    default:
      return stay(state);
  }
}

/**
 * The way out of verification (R6) is open when no code can arrive or the code is locked: the
 * exit then stands unverified, and HR is told. The widget shows the button exactly then.
 */
export function canExitUnverified(verify: VerifyPhase): boolean {
  return verify.phase === 'locked' || (verify.phase === 'failed' && verify.error !== 'wrong-code' && verify.error !== 'short-code');
}

function fromDone(state: Extract<FlowState, { status: 'done' }>, action: FlowAction): Transition {
  const { record, delivery, deletion } = state;
  switch (action.type) {
    case 'exitAcknowledged':
      if (delivery.state === 'delivered') return stay(state);
      return {
        state: { ...state, delivery: { state: 'delivered', receipt: action.receipt } },
        effects: [emit({ name: 'exit-complete', record, receipt: action.receipt })],
      };
    case 'exitQueued': {
      if (delivery.state !== 'pending') return stay(state);
      const effects = [emit({ name: 'exit-queued', record, error: action.error })];
      if (action.error === 'unauthorized') effects.push(emit({ name: 'error', code: 'unauthorized', message: 'Token refused' }));
      return { state: { ...state, delivery: { state: 'queued', error: action.error } }, effects };
    }
    case 'exitRejected':
      if (delivery.state === 'delivered' || delivery.state === 'rejected') return stay(state);
      return {
        state: { ...state, delivery: { state: 'rejected', error: action.error } },
        effects: [emit({ name: 'error', code: 'exit-rejected', message: action.error })],
      };
    case 'deletionRejected':
      if (!deletion || deletion.receipt || deletion.rejected) return stay(state);
      return {
        state: { ...state, deletion: { ...deletion, rejected: true } },
        effects: [emit({ name: 'error', code: 'deletion-rejected', message: action.error })],
      };
    case 'deletionReceived':
      if (!deletion || deletion.receipt || deletion.rejected) return stay(state);
      return {
        state: { ...state, deletion: { ...deletion, receipt: action.receipt } },
        effects: [emit({ name: 'deletion-complete', request: deletion.request, receipt: action.receipt })],
      };
    default:
      return stay(state);
  }
}

function submit(session: ExitSession, stamp: Stamp, verification: ExitRecord['verification']): Transition {
  const { context, draft, plan, source } = session;
  const text = draft.reasonText.trim();
  const progress = stamp.progress && stamp.progress.interviewId === context.interviewId ? stamp.progress : context.progress;
  const record: ExitRecord = {
    idempotencyKey: stamp.recordKey,
    interviewId: context.interviewId,
    candidateRef: context.candidateRef,
    jobType: context.jobType,
    stage: progress?.stage ?? context.stage,
    progress,
    exitedAt: stamp.at,
    timeZone: context.timeZone,
    locale: context.locale,
    reason: draft.reasonCode === null && text === '' ? null : withLabels({ code: draft.reasonCode, text }, session.options.labels),
    dataChoice: draft.dataChoice,
    source,
    verification,
    hrReview: plan.hrReview || verification === 'unverified',
    personRequested: draft.personRequested,
  };
  const deletion: DeletionRequest | null =
    draft.dataChoice === 'keep'
      ? null
      : { idempotencyKey: stamp.deletionKey, interviewId: context.interviewId, candidateRef: context.candidateRef, scope: draft.dataChoice, requestedAt: stamp.at };
  // Own keys only: `constructor` is a valid reason code, and must not find Object's.
  const { followUps } = session.options;
  const followUpKind = draft.reasonCode !== null && Object.hasOwn(followUps, draft.reasonCode) ? followUps[draft.reasonCode] : undefined;
  const followUp =
    followUpKind && draft.reasonCode !== null
      ? { interviewId: context.interviewId, candidateRef: context.candidateRef, reasonCode: draft.reasonCode, kind: followUpKind, locale: record.locale }
      : null;
  return { state: { status: 'submitting', record, deletion, followUp }, effects: [{ type: 'storeExit', record, deletion }] };
}

/** A vendor's own reason carries its labels, so that HR and the candidate's email read words, not a code. */
function withLabels(reason: ExitReason, labels: FlowOptions['labels']): ExitReason {
  return reason.code !== null && Object.hasOwn(labels, reason.code) ? { ...reason, labels: labels[reason.code] } : reason;
}

/** An exit an earlier page stored: the host hears of it again (`exit-confirm`), keyed by its idempotency key. */
function recovered({ record, deletion }: Extract<FlowAction, { type: 'exitRecovered' }>): Transition {
  return {
    state: { status: 'done', record, delivery: { state: 'pending' }, deletion: deletion && { request: deletion, receipt: null, rejected: false } },
    effects: [emit({ name: 'exit-confirm', record })],
  };
}

/** The exit is stored locally: the candidate is out now, delivery goes on in the background. */
function recorded({ record, deletion, followUp }: Extract<FlowState, { status: 'submitting' }>): Transition {
  const effects: FlowEffect[] = [emit({ name: 'exit-confirm', record })];
  if (deletion) effects.push(emit({ name: 'deletion-request', request: deletion }));
  if (followUp) effects.push({ type: 'followUp', request: followUp });
  return { state: { status: 'done', record, delivery: { state: 'pending' }, deletion: deletion && { request: deletion, receipt: null, rejected: false } }, effects };
}
