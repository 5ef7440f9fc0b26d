#!/usr/bin/env node
/**
 * `ai-interview-exit-server`: the reference server from environment variables.
 * PORT (8787), HOST (127.0.0.1), AIE_DB (.data/aie.sqlite), AIE_SECRET (else one is made and kept
 * in .data/secret, readable by its owner only), AIE_HR_TOKEN, AIE_CORS_ORIGINS (comma-separated).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer } from './app.js';
import { defaultDbPath } from './options.js';

const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);

/** A secret that survives restarts, so that tokens issued before a restart still work. */
function loadSecret(dataDir: string): string {
  if (process.env.AIE_SECRET) return process.env.AIE_SECRET;
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

const dbPath = defaultDbPath();
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const hrTokens = list(process.env.AIE_HR_TOKEN);

const app = await createServer({
  dbPath,
  secret: loadSecret(dirname(dbPath)),
  hrTokens,
  corsOrigins: list(process.env.AIE_CORS_ORIGINS),
  logger: { level: 'info' },
});

try {
  const address = await app.listen({ port, host });
  console.log(`ai-interview-exit server on ${address}/v1 (database ${dbPath})`);
  if (hrTokens.length === 0) console.log('No AIE_HR_TOKEN: the HR endpoints answer 401.');
} catch (error) {
  console.error((error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `Port ${port} is in use: try PORT=${port + 1}` : error);
  process.exit(1);
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await app.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
