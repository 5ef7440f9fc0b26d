import { checkedAdapter, toAdapterError, type ExitAdapter } from '../adapters/adapter.js';
import type { Outbox } from '../delivery/outbox.js';
import type { DeletionReceipt, DeletionRequest } from '../schemas/deletion.js';
import type { ExitReceipt, ExitRecord } from '../schemas/exit-record.js';
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
   * The durable outbox (`@ai-interview-exit/core/delivery`): the exit is written to it before
   * the first send and delivered until acknowledged. Without one, the exit is kept in memory only.
   */
  outbox?: Outbox;
  onEvent?: (event: StoreEvent) => void;
  now?: () => Date;
  newId?: () => string;
}

export interface ExitStore {
  getState(): FlowState;
  dispatch(action: FlowInput): void;
  subscribe(listener: (state: FlowState) => void): () => void;
  /** Open the exit flow, resolving the plan from the live context. */
  open(source: ExitSource): void;
  /** Keep the live progress (R7, R8); the plan and the record read it. */
  setProgress(snapshot: ProgressSnapshot | null): void;
  getContext(): ExitContext;
  /** The interview moved on (a new stage, another language): later plans and records read it. */
  setContext(patch: Partial<Pick<ExitContext, 'stage' | 'locale' | 'jobType'>>): void;
  /** The config in force: the vendor's, or the defaults when theirs was refused. */
  readonly config: ExitConfig;
  readonly configProblems: ConfigProblem[];
  /** Ask the backend whether this interview is already over (R14). */
  checkStatus(): Promise<void>;
  /**
   * Look in the outbox for an exit of this interview that an earlier page stored and could not
   * deliver yet: if there is one, the flow shows it as done (pending) and follows its delivery.
   */
  recover(): Promise<boolean>;
}

const STAMPED: ReadonlySet<FlowAction['type']> = new Set(['confirm', 'codeChecked', 'exitUnverified']);

export function flowOptions(config: ExitConfig): FlowOptions {
  const followUps: FlowOptions['followUps'] = {};
  for (const reason of config.reasons) if (reason.followUp) followUps[reason.code] = reason.followUp;
  return { reasonCodes: config.reasons.map((r) => r.code), followUps, freeText: config.freeText.enabled, textLimit: config.freeText.maxLength };
}

/**
 * The exit flow with its side effects: the reducer decides, this runs what it asks through the
 * adapter and feeds the answers back as actions. One store per widget: nothing is shared.
 */
export function createExitStore(options: ExitStoreOptions): ExitStore {
  const adapter = checkedAdapter(options.adapter);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? newUuid;
  const parsed = parseConfig(options.config);
  let context = options.context;
  let state: FlowState = INITIAL_STATE;
  const listeners = new Set<(state: FlowState) => void>();
  const tell = (event: StoreEvent) => options.onEvent?.(event);

  if (!parsed.ok) {
    queueMicrotask(() =>
      tell({ name: 'error', code: 'config-invalid', message: `The exit config was refused; the safe defaults apply.\n${formatProblems(parsed.problems)}`, problems: parsed.problems }),
    );
  }

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
        if (options.outbox) deliverThroughOutbox(options.outbox, effect.record, effect.deletion);
        else deliverInMemory(effect.record, effect.deletion);
        return;
      case 'handoff':
        adapter.handoff(effect.request).then(
          (result) => dispatch({ type: 'handoffDone', result }),
          () => dispatch({ type: 'handoffFailed' }),
        );
        return;
      case 'followUp':
        adapter.followUp(effect.request).catch((error) =>
          tell({ name: 'error', code: 'adapter-failed', message: `Follow-up not sent: ${toAdapterError(error).code}` }),
        );
        return;
    }
  }

  /** Kept in this page only: good for tests and demos, lost on reload. */
  function deliverInMemory(record: ExitRecord, deletion: DeletionRequest | null) {
    queueMicrotask(() => {
      dispatch({ type: 'exitStored' });
      adapter.submitExit(record).then(
        (receipt) => dispatch({ type: 'exitAcknowledged', receipt }),
        (error) => dispatch({ type: 'exitQueued', error: toAdapterError(error).code }),
      );
      if (deletion) {
        adapter.requestDeletion(deletion).then(
          (receipt) => dispatch({ type: 'deletionReceived', receipt }),
          (error) => tell({ name: 'error', code: 'adapter-failed', message: `Deletion request not sent yet: ${toAdapterError(error).code}` }),
        );
      }
    });
  }

  /** Store first, send second: the candidate is out once the outbox has it on disk. */
  /** Follow the outbox's answers for this record; they are held until the exit counts as stored. */
  function follow(outbox: Outbox, record: ExitRecord, deletion: DeletionRequest | null, stored: boolean) {
    const early: FlowInput[] = [];
    const feed = (action: FlowInput) => (stored ? dispatch(action) : early.push(action));
    outbox.subscribe((event) => {
      if (event.type === 'degraded') return;
      const key = event.entry.key;
      if (key === record.idempotencyKey) {
        feed(event.type === 'delivered' ? { type: 'exitAcknowledged', receipt: event.response as ExitReceipt } : { type: 'exitQueued', error: event.error });
      } else if (key === deletion?.idempotencyKey && event.type === 'delivered') {
        feed({ type: 'deletionReceived', receipt: event.response as DeletionReceipt });
      }
    });
    return () => {
      stored = true;
      early.splice(0).forEach(dispatch);
    };
  }

  /** Store first, send second: the candidate is out once the outbox has it on disk. */
  function deliverThroughOutbox(outbox: Outbox, record: ExitRecord, deletion: DeletionRequest | null) {
    const release = follow(outbox, record, deletion, false);
    (async () => {
      await outbox.enqueue('exit', record.idempotencyKey, record);
      if (deletion) await outbox.enqueue('deletion', deletion.idempotencyKey, deletion);
    })().then(
      () => {
        dispatch({ type: 'exitStored' });
        release();
        void outbox.flush();
      },
      // even the memory fallback failed: the candidate still leaves, and the host is told
      (error) => {
        tell({ name: 'error', code: 'adapter-failed', message: `The exit could not be stored: ${String(error)}` });
        deliverInMemory(record, deletion);
      },
    );
  }

  return {
    getState: () => state,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open(source) {
      const plan = resolveExitPlan(parsed.config, context);
      dispatch({ type: 'open', source, context, plan, options: flowOptions(parsed.config) });
    },
    setProgress(snapshot) {
      context = { ...context, progress: snapshot, stage: snapshot?.stage ?? context.stage };
      if (snapshot && options.outbox) {
        void options.outbox.enqueue('progress', newId(), snapshot).then(() => options.outbox?.flush());
      }
    },
    getContext: () => context,
    setContext(patch) {
      context = { ...context, ...patch };
    },
    config: parsed.config,
    configProblems: parsed.problems,
    async recover() {
      const outbox = options.outbox;
      if (!outbox) return false;
      await outbox.ready;
      const entries = outbox.entries();
      const exit = entries.find((e) => e.kind === 'exit' && (e.body as ExitRecord).interviewId === context.interviewId);
      if (!exit) return false;
      const record = exit.body as ExitRecord;
      const deletion = (entries.find((e) => e.kind === 'deletion' && (e.body as DeletionRequest).interviewId === context.interviewId)?.body as DeletionRequest | undefined) ?? null;
      follow(outbox, record, deletion, true);
      dispatch({ type: 'exitRecovered', record, deletion });
      void outbox.flush();
      return true;
    },
    async checkStatus() {
      try {
        const status = await adapter.getStatus({ interviewId: context.interviewId, candidateRef: context.candidateRef });
        dispatch({ type: 'statusLoaded', status });
      } catch (error) {
        tell({ name: 'error', code: 'adapter-failed', message: `Interview status unknown: ${toAdapterError(error).code}` });
      }
    },
  };
}
