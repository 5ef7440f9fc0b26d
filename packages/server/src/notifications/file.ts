import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { serialQueue } from '../serial.js';
import type { Notification, Transport } from './types.js';

/** The interview a line is about; null for a line that does not parse (a write cut short), which nobody can vouch for. */
function interviewOf(line: string): string | null {
  try {
    return (JSON.parse(line) as Partial<Notification>).interviewId ?? null;
  } catch {
    return null;
  }
}

/**
 * Every notification as one JSON line: a stand-in for an SMS gateway or mail server in
 * development and demos, where one can read the message (and a one-time code) a candidate would
 * get. It holds personal data like a real outbox does, so the file is created readable by its
 * owner only, in a directory only its owner can open, and an erasure request rewrites it without
 * the candidate's lines.
 */
export function createFileTransport(path: string): Transport {
  let ready: Promise<unknown> | null = null;
  // One file operation at a time: an append never lands in the old file while it is being rewritten.
  const serial = serialQueue().run;

  return {
    name: 'file',
    send(notification) {
      return serial(async () => {
        ready ??= mkdir(dirname(path), { recursive: true, mode: 0o700 });
        await ready;
        await appendFile(path, `${JSON.stringify(notification)}\n`, { mode: 0o600 });
      });
    },
    erase(interviewIds) {
      const erased = new Set(interviewIds);
      return serial(async () => {
        let text: string;
        try {
          text = await readFile(path, 'utf8');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw error;
        }
        const kept = text.split('\n').filter((line) => {
          if (line === '') return false;
          const interviewId = interviewOf(line);
          return interviewId !== null && !erased.has(interviewId);
        });
        // Written whole and synced beside the file, then renamed over it: a crash leaves the old file or the new one, never half.
        const temporary = `${path}.${randomUUID()}.tmp`;
        const handle = await open(temporary, 'wx', 0o600);
        try {
          await handle.writeFile(kept.map((line) => `${line}\n`).join(''));
          await handle.sync();
          await handle.close();
          await rename(temporary, path);
        } catch (error) {
          await handle.close().catch(() => undefined);
          await rm(temporary, { force: true });
          throw error;
        }
      });
    },
  };
}
