import type * as z from 'zod/mini';
import { AdapterError } from '../adapters/adapter.js';
import { STATUS_CODES } from '../adapters/status-codes.js';
import type { ExitConfig } from '../schemas/config.js';
import type { NudgeSummary } from '../schemas/nudge-record.js';
import { HrExitRowSchema, HrExitsResponseSchema, RateAlertEventSchema, type HrExitRow, type HrExitsResponse, type HrReviewRequest, type RateAlertEvent, type RateAlertState, type StartedInterview } from '../schemas/hr.js';
import { computeInsights, exitRateByRole, rateAlertChange, type PlausibilityRules } from './compute.js';

/** Which exits HR looks at: a job type, and instants bounding the exit time. */
export interface HrExitFilter {
  jobType?: string;
  from?: string;
  to?: string;
}

/** Where the HR report reads from. The reference server speaks it over HTTP; tests keep it in memory. */
export interface HrAdapter {
  listExits(filter: HrExitFilter): Promise<HrExitsResponse>;
  /**
   * Calls `onExit` for every new exit as it happens, and `onAlert` when a role's exit rate crosses
   * its alert line or recovers (R26); returns a function that stops listening.
   */
  watch(onExit: (row: HrExitRow) => void, onAlert?: (alert: RateAlertEvent) => void): () => void;
  /** HR has reviewed an exit that asked for it (R17); answers the updated row. Without it, the report offers no such button. */
  markReviewed?(idempotencyKey: string): Promise<HrExitRow>;
}

export function matchesFilter(row: Pick<HrExitRow, 'jobType' | 'exitedAt'>, { jobType, from, to }: HrExitFilter): boolean {
  const at = Date.parse(row.exitedAt);
  return (!jobType || row.jobType === jobType) && (!from || at >= Date.parse(from)) && (!to || at <= Date.parse(to));
}

/** HR's side of the `/v1` protocol: `GET /v1/hr/exits` and the `GET /v1/hr/stream` events. */
export function createHttpHrAdapter({ baseUrl, token }: { baseUrl: string; token: string }): HrAdapter {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(path: string, schema: z.ZodMiniType<T>, body?: HrReviewRequest): Promise<T> {
    let response: Response;
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body) headers['content-type'] = 'application/json';
      response = await fetch(base + path, body ? { method: 'POST', headers, body: JSON.stringify(body) } : { headers });
    } catch (error) {
      throw new AdapterError('network', error instanceof Error ? error.message : 'network');
    }
    if (!response.ok) throw new AdapterError(STATUS_CODES[response.status] ?? 'unavailable', `HTTP ${response.status}`);
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new AdapterError('invalid-response', parsed.error.issues[0]?.message ?? 'invalid');
    return parsed.data;
  }
  return {
    listExits(filter) {
      const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
      return call(`/v1/hr/exits?${query}`, HrExitsResponseSchema);
    },
    markReviewed: (idempotencyKey) => call(`/v1/hr/exits/${encodeURIComponent(idempotencyKey)}/review`, HrExitRowSchema, { review: 'done' }),
    watch(onExit, onAlert) {
      // EventSource cannot send headers: the stream takes the token as a query parameter.
      const source = new EventSource(`${base}/v1/hr/stream?access_token=${encodeURIComponent(token)}`);
      const listen = <T>(name: string, schema: z.ZodMiniType<T>, handle: (value: T) => void) =>
        source.addEventListener(name, (event) => {
          let data: unknown;
          try {
            data = JSON.parse((event as MessageEvent<string>).data);
          } catch {
            return;
          }
          const parsed = schema.safeParse(data);
          if (parsed.success) handle(parsed.data);
        });
      listen('exit', HrExitRowSchema, onExit);
      if (onAlert) listen('alert', RateAlertEventSchema, onAlert);
      return () => source.close();
    },
  };
}

/** An in-memory HR backend for stories, tests and offline demos; `add` plays a new exit live. */
export function createMemoryHrAdapter(options: {
  rows?: HrExitRow[];
  started?: StartedInterview[];
  report: ExitConfig['report'];
  rules?: PlausibilityRules;
  /** Nudges (R29) to report, as the server sums them; none when absent. */
  nudges?: NudgeSummary;
}) {
  const rows = [...(options.rows ?? [])];
  const started = [...(options.started ?? [])];
  const watchers = new Set<{ onExit: (row: HrExitRow) => void; onAlert?: ((alert: RateAlertEvent) => void) | undefined }>();
  // Where each role stood when the adapter was made: a later exit that crosses is news, as on the server.
  const alertStates = new Map<string, RateAlertState>();
  const rateOf = (jobType: string) => exitRateByRole(rows.filter((r) => r.jobType === jobType), started.filter((s) => s.jobType === jobType))[0];
  for (const role of exitRateByRole(rows, started)) {
    if (rateAlertChange(null, role, options.report)) alertStates.set(role.key, 'above');
  }
  const adapter: HrAdapter = {
    async listExits(filter) {
      const exits = rows.filter((row) => matchesFilter(row, filter)).sort((a, b) => b.exitedAt.localeCompare(a.exitedAt));
      const startedShown = started.filter((s) => !filter.jobType || s.jobType === filter.jobType);
      const insights = computeInsights({ exits, started: startedShown, report: options.report, rules: options.rules });
      return { exits, insights, ...(options.nudges ? { nudges: options.nudges } : {}) };
    },
    watch(onExit, onAlert) {
      const watcher = { onExit, onAlert };
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
    async markReviewed(idempotencyKey) {
      const index = rows.findIndex((row) => row.idempotencyKey === idempotencyKey);
      if (index < 0) throw new AdapterError('not-found', 'No such exit.');
      if (rows[index]!.review === 'none') throw new AdapterError('conflict', 'This exit was not sent for review.');
      rows[index] = { ...rows[index]!, review: 'done' };
      return rows[index]!;
    },
  };
  return Object.assign(adapter, {
    add(row: HrExitRow) {
      rows.push(row);
      watchers.forEach((watcher) => watcher.onExit(row));
      const change = rateAlertChange(alertStates.get(row.jobType) ?? null, rateOf(row.jobType)!, options.report);
      if (!change) return;
      alertStates.set(row.jobType, change.state);
      watchers.forEach((watcher) => watcher.onAlert?.(change));
    },
  });
}
