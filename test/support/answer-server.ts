// A real HTTP server on loopback that answers as a test scripts it: the `/v1` protocol from a
// memory backend ("good"), or any answer at all (a wrong shape, an HTML page, a stalled body,
// an odd Retry-After). A path may carry a prefix (`/c/17/v1/exits`), so that parallel cases
// each get their own script through their adapter's `baseUrl`.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExitAdapter } from '@ai-interview-exit/core';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Send the headers and the start of `body`, then nothing more: the connection stays open. */
  stall?: boolean;
}

export interface Asked {
  /** The path after any prefix, from `/v1` on. */
  path: string;
  prefix: string;
  authorization: string;
}

/** What to answer a request: `'good'` lets the memory backend answer as the real server would. */
export type Script = (asked: Asked) => Answer | 'good';

const METHODS: [RegExp, keyof ExitAdapter][] = [
  [/^\/v1\/exits$/, 'submitExit'],
  [/^\/v1\/deletion-requests$/, 'requestDeletion'],
  [/^\/v1\/verification\/send$/, 'sendCode'],
  [/^\/v1\/verification\/check$/, 'verifyCode'],
  [/^\/v1\/progress$/, 'saveProgress'],
  [/^\/v1\/follow-ups$/, 'followUp'],
  [/^\/v1\/handoffs$/, 'handoff'],
];

export async function startAnswerServer(script: Script) {
  const backend = createMemoryAdapter();
  const asked: Asked[] = [];
  const open = new Set<ServerResponse>();

  async function good(path: string, body: string, res: ServerResponse) {
    const status = path.match(/^\/v1\/interviews\/([^/]+)\/status$/);
    const method = METHODS.find(([pattern]) => pattern.test(path))?.[1];
    try {
      const answer = status
        ? await backend.getStatus({ interviewId: decodeURIComponent(status[1]!), candidateRef: 'cand-7f3a' })
        : await (backend[method!] as (input: unknown) => Promise<unknown>)(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":"invalid-request","message":"bad"}}');
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const at = url.indexOf('/v1/');
      const request: Asked = { path: url.slice(at), prefix: url.slice(0, at), authorization: req.headers.authorization ?? '' };
      asked.push(request);
      const answer = script(request);
      if (answer === 'good') return void good(request.path, Buffer.concat(chunks).toString('utf8'), res);
      res.writeHead(answer.status, answer.headers ?? {});
      if (answer.stall) {
        open.add(res);
        res.flushHeaders();
        res.write((answer.body ?? '').slice(0, 8));
        return;
      }
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    backend,
    /** Every request heard so far, in order. */
    asked,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
