import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Transport } from './types.js';

/**
 * Every notification as one JSON line: a stand-in for an SMS gateway or mail server in
 * development and demos, where one can read the message (and a one-time code) a candidate would
 * get. It holds personal data like a real outbox does, so the file is created readable by its
 * owner only.
 */
export function createFileTransport(path: string): Transport {
  let ready: Promise<unknown> | null = null;
  return {
    name: 'file',
    async send(notification) {
      ready ??= mkdir(dirname(path), { recursive: true });
      await ready;
      await appendFile(path, `${JSON.stringify(notification)}\n`, { mode: 0o600 });
    },
  };
}
