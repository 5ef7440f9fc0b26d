// Shared by the server suites: a real server on loopback over a real SQLite file in a temp dir,
// a clock the test moves by hand, and a transport that keeps what it was given.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { newUuid, type ExitRecord } from '@ai-interview-exit/core';
import { createServer, type Notification, type ServerOptions, type Transport } from '@ai-interview-exit/server';
import type { FastifyInstance } from 'fastify';
import { T0, progressAt, recordFor } from '../support/fixtures.js';

export { T0, progressAt };

export const SECRET = 'test-secret-0123456789abcdef';
export const HR_TOKEN = 'hr-token-for-tests-7c1d';

export interface Clock {
  now: () => Date;
  advance(ms: number): void;
  /** Move forward to `instant` (never back): the server believes a device's clock only a few minutes ahead of its own. */
  advanceTo(instant: string): void;
}

export function manualClock(start = T0): Clock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms), advanceTo: (instant) => void (t = Math.max(t, Date.parse(instant))) };
}

export interface MemoryTransport extends Transport {
  sent: Notification[];
  /** Make the next `n` sends fail. */
  failNext(n: number): void;
}

export function memoryTransport(name = 'memory'): MemoryTransport {
  const sent: Notification[] = [];
  let failures = 0;
  return {
    name,
    sent,
    failNext: (n) => void (failures = n),
    async send(notification) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('gateway down');
      }
      sent.push(notification);
    },
  };
}

export interface TestServer {
  app: FastifyInstance;
  url: string;
  dir: string;
  dbPath: string;
  clock: Clock;
  transport: MemoryTransport;
  /** Every log line the server wrote. */
  logs: string[];
  /** Every HTTP answer body the helpers received, to prove what never appears in one. */
  bodies: string[];
  request(method: string, path: string, init?: { body?: unknown; token?: string | null; headers?: Record<string, string>; raw?: string }): Promise<Answer>;
  post(path: string, body: unknown, token?: string | null): Promise<Answer>;
  get(path: string, token?: string | null): Promise<Answer>;
  /** A POST in the beacon form a closing page sends: text/plain `{ token, body }`. */
  beacon(path: string, body: unknown, token: string): Promise<Answer>;
  /** Stop the server; the files stay until `cleanup`. */
  close(): Promise<void>;
  cleanup(): Promise<void>;
}

export interface Answer {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

export async function startServer(options: Partial<ServerOptions> & { dir?: string } = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'aie-server-'));
  const dbPath = options.dbPath ?? join(dir, 'aie.sqlite');
  const clock = manualClock();
  const transport = memoryTransport();
  const logs: string[] = [];
  const bodies: string[] = [];
  const app = await createServer({
    secret: SECRET,
    hrTokens: [HR_TOKEN],
    now: clock.now,
    transports: [transport],
    logger: { level: 'info', stream: { write: (line) => void logs.push(line) } },
    ...options,
    dbPath,
  }).catch((error: unknown) => {
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  let closed = false;
  const server: TestServer = {
    app, url, dir, dbPath, clock, transport, logs, bodies,
    async request(method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      let body: string | undefined = init.raw;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${url}${path}`, { method, headers, body });
      const text = await response.text();
      bodies.push(text);
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: response.status, headers: response.headers, json, text };
    },
    post: (path, body, token) => server.request('POST', path, { body, token: token ?? null }),
    get: (path, token) => server.request('GET', path, { token: token ?? null }),
    beacon: (path, body, token) =>
      server.request('POST', path, { raw: JSON.stringify({ token, body }), headers: { 'content-type': 'text/plain;charset=UTF-8' } }),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
    async cleanup() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

export interface Candidate {
  interviewId: string;
  candidateRef: string;
  token: string;
}

let counter = 0;

/** Register an interview through the HR endpoint and return the candidate's token. */
export async function registerCandidate(
  server: TestServer,
  overrides: Partial<{ interviewId: string; candidateRef: string; candidateName: string; phone: string; email: string; jobType: string; roleTitle: string; stage: string }> = {},
): Promise<Candidate> {
  counter += 1;
  const interviewId = overrides.interviewId ?? `iv-${counter}-${newUuid().slice(0, 8)}`;
  const candidateRef = overrides.candidateRef ?? `cand-${counter}-${newUuid().slice(0, 6)}`;
  const contact: Record<string, string> = {};
  if (overrides.phone !== '') contact.phone = overrides.phone ?? '13800135678';
  if (overrides.email !== '') contact.email = overrides.email ?? 'zhang.san@example.com';
  const answer = await server.post('/v1/interviews', {
    interviewId,
    candidateRef,
    candidateName: overrides.candidateName ?? '张三',
    contact,
    jobType: overrides.jobType ?? 'frontline',
    roleTitle: overrides.roleTitle ?? '门店店员',
    ...(overrides.stage ? { stage: overrides.stage } : {}),
  }, HR_TOKEN);
  if (answer.status !== 201 && answer.status !== 200) throw new Error(`register: ${answer.status} ${answer.text}`);
  return { interviewId, candidateRef, token: answer.json.token };
}

/** A valid exit record of a registered candidate: a not-interested exit at 50 %, ten minutes in. */
export function exitRecord(candidate: Pick<Candidate, 'interviewId' | 'candidateRef'>, overrides: Partial<ExitRecord> = {}): ExitRecord {
  return recordFor({
    interviewId: candidate.interviewId,
    candidateRef: candidate.candidateRef,
    progress: progressAt(5, 10, 'professional', candidate.interviewId),
    exitedAt: new Date(Date.parse(T0) + 10 * 60_000).toISOString(),
    reason: { code: 'not-interested', text: '' },
    hrReview: false,
    ...overrides,
  });
}

/** The one-time code as the candidate's phone got it: in the last message the transport sent. */
export const lastCode = (transport: MemoryTransport) => /\d{6}/.exec(transport.sent.at(-1)!.text)![0];
/** A six-digit code that is not `code`. */
export const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Every text cell of every table, as `table.column: value`, read through a separate connection. */
export function allText(dbPath: string): string[] {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const out: string[] = [];
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) if (typeof value === 'string') out.push(`${name}.${column}: ${value}`);
      }
    }
    return out;
  } finally {
    db.close();
  }
}

/** Rows of one table through a separate connection. */
export function rows<T = Record<string, unknown>>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/**
 * Where the server still keeps each of `values`: every text cell of every table (the tables are
 * read from sqlite_master, so a new one is searched too), the raw bytes of every file in its
 * directory (the database's free pages, -wal and -shm, a transport's notifications file) and the
 * log. One line per value and place; none means gone. (The memory transport stands for a gateway:
 * what it was given has left the server, and is checked apart.)
 */
export function tracesOf(server: TestServer, values: readonly string[]): string[] {
  const cells = allText(server.dbPath);
  const files = readdirSync(server.dir).map((name) => [name, fileBytes(join(server.dir, name))] as const);
  const found: string[] = [];
  for (const value of values) {
    const places = new Set<string>();
    for (const cell of cells) if (cell.includes(value)) places.add(cell.slice(0, cell.indexOf(':')));
    for (const [name, bytes] of files) if (bytes.includes(Buffer.from(value, 'utf8'))) places.add(`file ${name}`);
    if (server.logs.some((line) => line.includes(value))) places.add('log');
    for (const place of places) found.push(`${value} in ${place}`);
  }
  return found;
}

/** The values of `values` that `tracesOf` finds nowhere: a search that is shown to find them first can be trusted to miss them. */
export function untraced(server: TestServer, values: readonly string[]): string[] {
  const found = tracesOf(server, values);
  return values.filter((value) => !found.some((line) => line.startsWith(`${value} in `)));
}

export function fileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    return Buffer.alloc(0);
  }
}

/** A promise and its resolver, to hold a request in flight. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Read Server-Sent Events from a response. `next` resolves with the first event (or `: comment`,
 * as event `comment`) that matches, and fails after `timeoutMs`; events read past are kept.
 */
export function eventReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const queue: SseEvent[] = [];
  let buffer = '';
  let ended = false;
  let pump: Promise<void> | null = null;

  function parse(): void {
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (frame.startsWith(':')) {
        queue.push({ event: 'comment', data: frame });
        continue;
      }
      const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
      const data = frame.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      queue.push({ event, data });
    }
  }
  const read = () =>
    (pump ??= reader.read().then(({ value, done }) => {
      pump = null;
      if (done) ended = true;
      else {
        buffer += decoder.decode(value, { stream: true });
        parse();
      }
    }));

  return {
    async next(predicate: (event: SseEvent) => boolean, timeoutMs = 2000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = queue.findIndex(predicate);
        if (index >= 0) return queue.splice(index, 1)[0]!;
        if (ended || Date.now() >= deadline) throw new Error('no matching event in time');
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline - Date.now())));
        await Promise.race([read(), timeout]);
        clearTimeout(timer);
      }
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}
