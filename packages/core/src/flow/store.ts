import { checkedAdapter, PERMANENT, toAdapterError, type ExitAdapter } from '../adapters/adapter.js';
import type { DeletionRequest } from '../schemas/deletion.js';
import type { ExitRecord } from '../schemas/exit-record.js';
import { newUuid } from '../ids.js';
import { formatProblems, parseConfig, type ConfigProblem } from '../policy/lint.js';
import { resolveExitPlan } from '../policy/plan.js';
import type { ExitSource } from '../schemas/common.js';
import type { ExitConfig } from '../schemas/config.js';
import type { ExitContext } from '../schemas/context.js';
import type { ProgressSnapshot } from '../schemas/progress.js';
import { reduce } from './reducer.js';
import { INITIAL_STATE, type FlowAction, type FlowEffect, type FlowEvent, type FlowOptions, type FlowState, type Stamp } from './state.js';

/** An action as callers write it: the store adds the stamp (time, keys, live progress) itself. */
export type FlowInput = FlowAction extends infer A ? (A extends { stamp: Stamp } ? Omit<A, 'stamp'> & { stamp?: Stamp } : A) : never;

/** Everything the store tells its host: the flow's facts, plus problems it met. */
export type StoreEvent = FlowEvent | { name: 'error'; code: 'config-invalid' | 'adapter-failed'; message: string; problems?: ConfigProblem[] };

export interface ExitStoreOptions {
  /** The vendor's config as written; validated here, refused whole (with an `error` event) if it could trap a candidate. */
  config?: unknown;
  context: ExitContext;
  adapter: ExitAdapter;
  /**
   * How a confirmed exit is kept and sent. `outboxDelivery(outbox)` from
   * `@ai-interview-exit/core/delivery` writes it to IndexedDB before the first send and sends it
   * until acknowledged; without one, it is kept in this page's memory only.
   */
  delivery?: ExitDelivery;
  onEvent?: (event: StoreEvent) => void;
  /** Longest wait for one adapter call; then it counts as `timeout`, and the flow offers its way on (default 30 s). */
  timeoutMs?: number;
  now?: () => Date;
  newId?: () => string;
}

/** Reports what happened to an exit in delivery, as flow actions: stored, acknowledged, queued, rejected. */
export type DeliveryReport = (action: FlowInput) => void;

/** Where confirmed exits go: kept first, then sent, answers reported back to the flow. */
export interface ExitDelivery {
  /** Keep the exit (and the deletion request), report `exitStored` once it is kept, then send it. */
  deliver(record: ExitRecord, deletion: DeletionRequest | null, report: DeliveryReport): void;
  /** An exit an earlier page kept for this interview and never got acknowledged, followed from now on. */
  recover?(interviewId: string, report: DeliveryReport): Promise<{ record: ExitRecord; deletion: DeletionRequest | null } | null>;
  /** Keep a progress snapshot for the backend. */
  saveProgress?(snapshot: ProgressSnapshot): void;
}

export interface ExitStore {
  getState(): FlowState;
  dispatch(action: FlowInput): void;
  subscribe(listener: (state: FlowState) => void): () => void;
  /** Open the exit flow, resolving the plan from the live context. */
  open(source: ExitSource): void;
  /**
   * The state `open(source)` would lead to now, without opening anything or telling anyone: a view
   * can be built from it before the candidate clicks, so that the click only shows it.
   */
  preview(source?: ExitSource): FlowState;
  /** Keep the live progress (R7, R8); the plan and the record read it. */
  setProgress(snapshot: ProgressSnapshot | null): void;
  getContext(): ExitContext;
  /** The interview moved on (a new stage, another language, the device's zone read): later plans and records read it. */
  setContext(patch: Partial<Pick<ExitContext, 'stage' | 'locale' | 'jobType' | 'timeZone'>>): void;
  /** The config in force: the vendor's, or the defaults when theirs was refused. */
  readonly config: ExitConfig;
  readonly configProblems: ConfigProblem[];
  /** Ask the backend whether this interview is already over (R14). */
  checkStatus(): Promise<void>;
  /**
   * Ask the delivery for an exit of this interview that an earlier page kept and could not
   * deliver yet: if there is one, the flow shows it as done (pending) and follows its delivery.
   */
  recover(): Promise<boolean>;
}

const STAMPED: ReadonlySet<FlowAction['type']> = new Set(['confirm', 'codeChecked', 'exitUnverified']);

export function flowOptions(config: ExitConfig): FlowOptions {
  const followUps: FlowOptions['followUps'] = {};
  const labels: FlowOptions['labels'] = {};
  for (const reason of config.reasons) {
    if (reason.followUp) followUps[reason.code] = reason.followUp;
    if (reason.labels) labels[reason.code] = reason.labels;
  }
  const { freeText, verification } = config;
  return { reasonCodes: config.reasons.map((r) => r.code), followUps, freeText: freeText.enabled, textLimit: freeText.maxLength, codeLength: verification.codeLength, labels };
}

/**
 * The exit flow with its side effects: the reducer decides, this runs what it asks through the
 * adapter and feeds the answers back as actions. One store per widget: nothing is shared.
 */
export function createExitStore(options: ExitStoreOptions): ExitStore {
  const adapter = checkedAdapter(options.adapter, options.timeoutMs);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? newUuid;
  const parsed = parseConfig(options.config);
  let context = options.context;
  let state: FlowState = INITIAL_STATE;
  const listeners = new Set<(state: FlowState) => void>();
  const tell = (event: StoreEvent) => options.onEvent?.(event);
  /** A backend call failed where the flow can go on without it: tell the host, in words and a code. */
  const failed = (what: string) => (error: unknown) => tell({ name: 'error', code: 'adapter-failed', message: `${what}: ${toAdapterError(error).code}` });

  if (!parsed.ok) {
    queueMicrotask(() =>
      tell({ name: 'error', code: 'config-invalid', message: `The exit config was refused; the safe defaults apply.\n${formatProblems(parsed.problems)}`, problems: parsed.problems }),
    );
  }

  const openAction = (source: ExitSource): FlowAction => {
    const plan = resolveExitPlan(parsed.config, context);
    // Help asked for from the nudge (R29) opens on the help offer, whatever the plan says.
    if (source === 'nudge' && !plan.helpOffer) Object.assign(plan, { helpOffer: true, steps: ['help', ...plan.steps] });
    return { type: 'open', source, context, plan, options: flowOptions(parsed.config) };
  };

  function stamp(): Stamp {
    return { at: now().toISOString(), recordKey: newId(), deletionKey: newId(), progress: context.progress };
  }

  function dispatch(input: FlowInput): void {
    const action = (STAMPED.has(input.type) && !('stamp' in input && input.stamp) ? { ...input, stamp: stamp() } : input) as FlowAction;
    const { state: next, effects } = reduce(state, action);
    if (next !== state) {
      state = next;
      for (const listener of [...listeners]) listener(state);
    }
    for (const effect of effects) run(effect);
  }

  function run(effect: FlowEffect): void {
    switch (effect.type) {
      case 'emit':
        tell(effect.event);
        return;
      case 'sendCode':
        adapter.sendCode(effect.request).then(
          (challenge) => dispatch({ type: 'codeSent', challenge }),
          (error) => dispatch({ type: 'codeSendFailed', error: toAdapterError(error).code }),
        );
        return;
      case 'verifyCode':
        adapter.verifyCode(effect.request).then(
          (result) => dispatch({ type: 'codeChecked', result }),
          (error) => dispatch({ type: 'codeCheckFailed', error: toAdapterError(error).code }),
        );
        return;
      case 'storeExit':
        (options.delivery ?? memoryDelivery).deliver(effect.record, effect.deletion, dispatch);
        return;
      case 'handoff':
        adapter.handoff(effect.request).then(
          (result) => dispatch({ type: 'handoffDone', result }),
          () => dispatch({ type: 'handoffFailed' }),
        );
        return;
      case 'followUp':
        adapter.followUp(effect.request).catch(failed('Follow-up not sent'));
        return;
    }
  }

  /** Kept in this page only: good for tests and demos, lost on reload. */
  const memoryDelivery: ExitDelivery = {
    deliver(record, deletion, report) {
      queueMicrotask(() => {
        report({ type: 'exitStored' });
        adapter.submitExit(record).then(
          (receipt) => report({ type: 'exitAcknowledged', receipt }),
          (error) => {
            const { code } = toAdapterError(error);
            report({ type: PERMANENT.has(code) ? 'exitRejected' : 'exitQueued', error: code });
          },
        );
        if (deletion) {
          adapter.requestDeletion(deletion).then(
            (receipt) => report({ type: 'deletionReceived', receipt }),
            (error) => {
              const { code } = toAdapterError(error);
              if (PERMANENT.has(code)) report({ type: 'deletionRejected', error: code });
              else failed('Deletion request not sent yet')(error);
            },
          );
        }
      });
    },
  };

  return {
    getState: () => state,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open(source) {
      dispatch(openAction(source));
    },
    preview(source = 'button') {
      return reduce(state, openAction(source)).state;
    },
    setProgress(snapshot) {
      context = { ...context, progress: snapshot, stage: snapshot?.stage ?? context.stage };
      if (snapshot) options.delivery?.saveProgress?.(snapshot);
    },
    getContext: () => context,
    setContext(patch) {
      context = { ...context, ...patch };
    },
    config: parsed.config,
    configProblems: parsed.problems,
    async recover() {
      const found = await options.delivery?.recover?.(context.interviewId, dispatch);
      if (found) dispatch({ type: 'exitRecovered', ...found });
      return !!found;
    },
    async checkStatus() {
      try {
        const status = await adapter.getStatus({ interviewId: context.interviewId, candidateRef: context.candidateRef });
        dispatch({ type: 'statusLoaded', status });
      } catch (error) {
        failed('Interview status unknown')(error);
      }
    },
  };
}
