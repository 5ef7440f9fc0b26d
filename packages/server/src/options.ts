import { join } from 'node:path';
import type { ExitConfigInput, ExitRecord } from '@ai-interview-exit/core';
import type { Transport } from './notifications/types.js';

/** A role the server may suggest when a candidate leaves for lack of interest (R25); checked at start-up. */
export interface CatalogueRole {
  id: string;
  /** One title, or one per language (`{ 'zh-CN': '客服代表', en: 'Customer service representative' }`; zh-CN is the fallback). */
  title: string | Record<string, string>;
  /** Roles of the interview's own job type are not suggested again. */
  jobType?: string;
  /** Where the role is, shown to the candidate. */
  location?: string;
  /** Where the candidate applies (https). */
  applyUrl?: string;
}

export interface ServerHooks {
  /**
   * Runs while an exit is being processed, before it is marked done: a vendor's own bookkeeping,
   * or a test holding a request in flight. A rejection answers 503, and the client retries.
   */
  onExit?(record: ExitRecord): Promise<void> | void;
}

/** Where log lines go when logging is on; a Pino-style options object, narrowed to what we allow. */
export interface LoggerOptions {
  level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  stream?: { write(line: string): void };
}

export interface ServerOptions {
  /** The SQLite file; `AIE_DB` or `.data/aie.sqlite` by default. */
  dbPath?: string;
  /** Signs interview tokens and keys every hash; at least 16 characters, kept out of the repository. */
  secret: string;
  /** Bearer tokens that open the HR endpoints. None: the HR endpoints answer 401. */
  hrTokens?: string[];
  /** Origins a browser may call from. Nothing by default. */
  corsOrigins?: string[];
  /** The exit policy, as a vendor writes it; checked with core's `parseConfig`. */
  config?: ExitConfigInput;
  /** Language of codes and candidate messages when the candidate's is not known (and of HR's pushes unless `hrLocale` says); zh-CN by default. */
  locale?: string;
  /**
   * Language of HR's pushes (exits, exit-rate alerts); `locale` by default, else zh-CN. A live
   * viewer's page words the stream's data in its own language whatever this says.
   */
  hrLocale?: string;
  /** Time zone of the HR report's days and of date-only filters; Asia/Shanghai by default. */
  timeZone?: string;
  /** Notification transports; by default the console and `notifications.jsonl` beside the database. */
  transports?: Transport[];
  /** The clock, for tests. */
  now?: () => Date;
  hooks?: ServerHooks;
  /** Off by default. When on, it never logs bodies, and redacts tokens. */
  logger?: boolean | LoggerOptions;
  /** Roles suggested by `recommend-roles` follow-ups. */
  roleCatalogue?: CatalogueRole[];
  /** Minutes within which a person answers a candidate's request for help (R27), told to the candidate; 120 by default. */
  handoffAnswerMinutes?: number;
  /** Lifetime of tokens issued by `POST /v1/interviews`; 7 days by default. */
  tokenTtlSeconds?: number;
  /**
   * Behind a reverse proxy, which proxies to believe for the client's address (Fastify's
   * `trustProxy`: `true`, or the proxies' addresses); the per-client limit on code sends reads it.
   * Off by default: the connection's own address.
   */
  trustProxy?: boolean | string | string[];
  /**
   * Compress answers (Brotli or gzip, as the client accepts) of this server and of the routes an
   * embedding app adds after `createServer`; on by default. Off when a reverse proxy compresses.
   */
  compression?: boolean;
  /** Milliseconds between keep-alive comments on the HR stream; 15 s by default. */
  ssePingMs?: number;
  /** Milliseconds between retries of failed notifications; 30 s by default. */
  retryIntervalMs?: number;
}

/** The SQLite file when none is given: `AIE_DB`, else `.data/aie.sqlite`. */
export const defaultDbPath = (): string => process.env.AIE_DB ?? join('.data', 'aie.sqlite');

export const DEFAULT_ROLE_CATALOGUE: CatalogueRole[] = [
  { id: 'role-ops-01', title: { 'zh-CN': '运营专员', en: 'Operations specialist' }, jobType: 'frontline' },
  { id: 'role-market-01', title: { 'zh-CN': '市场专员', en: 'Marketing specialist' }, jobType: 'office' },
  { id: 'role-cs-01', title: { 'zh-CN': '客服代表', en: 'Customer service representative' }, jobType: 'frontline' },
  { id: 'role-data-01', title: { 'zh-CN': '数据分析师', en: 'Data analyst' }, jobType: 'engineer' },
];
