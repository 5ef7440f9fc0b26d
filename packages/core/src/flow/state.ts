import type { DataChoice, ExitSource } from '../schemas/common.js';
import type { FollowUpKind } from '../schemas/config.js';
import type { ExitContext } from '../schemas/context.js';
import type { DeletionReceipt, DeletionRequest } from '../schemas/deletion.js';
import type { ExitReceipt, ExitRecord } from '../schemas/exit-record.js';
import type { ProgressSnapshot } from '../schemas/progress.js';
import type {
  AdapterErrorCode,
  CodeChallenge,
  FollowUpRequest,
  HandoffRequest,
  HandoffResult,
  SendCodeRequest,
  VerifyCodeRequest,
  VerifyCodeResult,
} from '../schemas/protocol.js';
import type { InterviewStatus } from '../schemas/status.js';
import type { ExitPlan } from '../policy/plan.js';

/** What the candidate has said so far; it survives every step, a wrong code included (WCAG 3.3.7). */
export interface ExitDraft {
  reasonCode: string | null;
  reasonText: string;
  dataChoice: DataChoice;
  /** "I would rather be interviewed by a person" (PIPL art. 24). */
  personRequested: boolean;
}

/** The parts of the config the flow needs, fixed when the dialog opens. */
export interface FlowOptions {
  reasonCodes: string[];
  followUps: Record<string, FollowUpKind>;
  freeText: boolean;
  textLimit: number;
  /** Digits in a one-time code: a code of another shape is refused here, never sent to be checked. */
  codeLength: number;
  /** The labels of the vendor's reasons by code, from the config: they travel with the record. */
  labels: Record<string, Record<string, string>>;
}

/** One walk from the exit button to the end, fixed at open. */
export interface ExitSession {
  source: ExitSource;
  context: ExitContext;
  plan: ExitPlan;
  options: FlowOptions;
  draft: ExitDraft;
}

export type HandoffState = { status: 'none' } | { status: 'requesting' } | { status: 'failed' } | ({ status: 'done' } & { result: HandoffResult });

export type VerifyPhase =
  | { phase: 'sending'; challenge: CodeChallenge | null }
  | { phase: 'sent'; challenge: CodeChallenge }
  | { phase: 'checking'; challenge: CodeChallenge }
  /** A wrong code (a challenge remains) or a code that could not be sent (none). */
  | { phase: 'failed'; challenge: CodeChallenge | null; error: VerifyError }
  | { phase: 'locked'; challenge: CodeChallenge | null };

/** `short-code`: the candidate submitted a code of the wrong shape (too short, not digits); it was not sent. */
export type VerifyError = 'wrong-code' | 'short-code' | AdapterErrorCode;

export type Delivery =
  | { state: 'pending' }
  | { state: 'queued'; error: AdapterErrorCode }
  /** Refused for good by the backend (403, 404, 422, 400): not sent again, not kept on the device. */
  | { state: 'rejected'; error: AdapterErrorCode }
  | { state: 'delivered'; receipt: ExitReceipt };

export interface DeletionState {
  request: DeletionRequest;
  receipt: DeletionReceipt | null;
  /** The backend refused the request for good: the candidate is told to ask HR. */
  rejected: boolean;
}

export type FlowState =
  | { status: 'idle' }
  | { status: 'help'; session: ExitSession; handoff: HandoffState }
  /** Every question is answered: nothing to exit, nothing recorded (the policy's `whenComplete`). */
  | { status: 'complete' }
  | { status: 'confirm'; session: ExitSession; problem: 'reason-required' | null }
  | { status: 'verify'; session: ExitSession; verify: VerifyPhase }
  | { status: 'submitting'; record: ExitRecord; deletion: DeletionRequest | null; followUp: FollowUpRequest | null }
  | { status: 'done'; record: ExitRecord; delivery: Delivery; deletion: DeletionState | null }
  | { status: 'reentry'; interview: InterviewStatus }
  | { status: 'resume'; snapshot: ProgressSnapshot };

export type FlowStatus = FlowState['status'];

/** Time, keys and live progress for the action that creates the record; the store supplies them. */
export interface Stamp {
  at: string;
  recordKey: string;
  deletionKey: string;
  progress: ProgressSnapshot | null;
}

export type FlowAction =
  | { type: 'open'; source: ExitSource; context: ExitContext; plan: ExitPlan; options: FlowOptions }
  | { type: 'continueExit' }
  | { type: 'requestHandoff'; topic: HandoffRequest['topic']; message: string }
  | { type: 'handoffDone'; result: HandoffResult }
  | { type: 'handoffFailed' }
  | { type: 'setReason'; code: string | null }
  | { type: 'setReasonText'; text: string }
  | { type: 'setDataChoice'; choice: DataChoice }
  | { type: 'setPersonRequested'; requested: boolean }
  | { type: 'confirm'; stamp: Stamp }
  | { type: 'cancel' }
  | { type: 'codeSent'; challenge: CodeChallenge }
  | { type: 'codeSendFailed'; error: AdapterErrorCode }
  | { type: 'submitCode'; code: string }
  | { type: 'codeChecked'; result: VerifyCodeResult; stamp: Stamp }
  | { type: 'codeCheckFailed'; error: AdapterErrorCode }
  | { type: 'resendCode'; at: string }
  | { type: 'exitUnverified'; stamp: Stamp }
  /** The page could not fetch the code step (offline since it loaded): no code can be typed here. */
  | { type: 'codeStepUnavailable' }
  | { type: 'exitStored' }
  /** An exit stored on this device by an earlier page (the outbox still holds it): show it, never ask again. */
  | { type: 'exitRecovered'; record: ExitRecord; deletion: DeletionRequest | null }
  | { type: 'exitAcknowledged'; receipt: ExitReceipt }
  | { type: 'exitQueued'; error: AdapterErrorCode }
  | { type: 'exitRejected'; error: AdapterErrorCode }
  | { type: 'deletionReceived'; receipt: DeletionReceipt }
  | { type: 'deletionRejected'; error: AdapterErrorCode }
  | { type: 'statusLoaded'; status: InterviewStatus }
  | { type: 'resumeFound'; snapshot: ProgressSnapshot }
  | { type: 'resumeAccepted' };

export type FlowActionType = FlowAction['type'];

/** Facts the flow announces; the element turns each into an `aie-*` DOM event. */
export type FlowEvent =
  | { name: 'exit-confirm'; record: ExitRecord }
  | { name: 'exit-complete'; record: ExitRecord; receipt: ExitReceipt }
  | { name: 'exit-queued'; record: ExitRecord; error: AdapterErrorCode }
  | { name: 'exit-cancel'; step: 'help' | 'confirm' | 'verify' | 'complete' }
  | { name: 'deletion-request'; request: DeletionRequest }
  | { name: 'deletion-complete'; request: DeletionRequest; receipt: DeletionReceipt }
  | { name: 'resume'; snapshot: ProgressSnapshot }
  /**
   * The vendor must act: `exit-rejected`, the backend refused the exit for good (the candidate
   * is told to contact HR); `deletion-rejected`, the same for the data request; `unauthorized`,
   * the interview token is refused (give a fresh one).
   */
  | { name: 'error'; code: 'exit-rejected' | 'deletion-rejected' | 'unauthorized'; message: string };

/** Work the reducer asks for, as data; the store carries it out through the adapter. */
export type FlowEffect =
  | { type: 'sendCode'; request: SendCodeRequest }
  | { type: 'verifyCode'; request: VerifyCodeRequest }
  | { type: 'storeExit'; record: ExitRecord; deletion: DeletionRequest | null }
  | { type: 'handoff'; request: HandoffRequest }
  | { type: 'followUp'; request: FollowUpRequest }
  | { type: 'emit'; event: FlowEvent };

export interface Transition {
  state: FlowState;
  effects: FlowEffect[];
}

export const INITIAL_STATE: FlowState = Object.freeze({ status: 'idle' });

/** No exit is under way and none is shown: `open` would start one (the resume prompt may be up). */
export function canOpen(state: FlowState): state is Extract<FlowState, { status: 'idle' | 'resume' }> {
  return state.status === 'idle' || state.status === 'resume';
}
