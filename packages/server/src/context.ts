import type { Database } from 'better-sqlite3';
import type { ExitConfig } from '@ai-interview-exit/core';
import type { Messages } from './notifications/messages.js';
import type { Outbox } from './notifications/outbox.js';
import type { RateAlerts } from './rate-alerts.js';
import type { CatalogueRole, ServerHooks } from './options.js';
import type { SseHub } from './sse.js';

/** What every route needs, made once per server: no module-level state, so two servers share nothing. */
export interface AppContext {
  db: Database;
  secret: string;
  config: ExitConfig;
  now: () => Date;
  hrTokens: string[];
  hooks: ServerHooks;
  roleCatalogue: CatalogueRole[];
  tokenTtlSeconds: number;
  handoffAnswerMinutes: number;
  timeZone: string;
  messages: Messages;
  outbox: Outbox;
  hub: SseHub;
  rateAlerts: RateAlerts;
}

export const DAY_MS = 86_400_000;

export const isoAt = (now: Date, offsetMs = 0) => new Date(now.getTime() + offsetMs).toISOString();
