// A proxy in front of the real server that breaks requests the way networks and backends do.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'drop-before' | 'drop-after' | 'error-500' | 'rate-429' | 'hang' | 'slow';

export interface FaultProxy {
  url: string;
  /** How many faults were injected, by kind. */
  counts: Record<Fault, number>;
  setFaultRate(rate: number): void;
  close(): Promise<void>;
}

const FAULTS: Fault[] = ['drop-before', 'drop-after', 'error-500', 'rate-429', 'hang', 'slow'];

/** `random` decides every fault, so that a seed replays a run. `pages` serves the harness. */
export async function startFaultProxy(target: string, random: () => number, pages: Record<string, { type: string; body: string }>): Promise<FaultProxy> {
  const counts = Object.fromEntries(['pass', ...FAULTS].map((f) => [f, 0])) as Record<Fault, number>;
  let rate = 0.5;
  const upstream = new URL(target);

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, loseAnswer: boolean) {
    const proxied = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          if (loseAnswer) return void req.socket.destroy(); // the server did it; the client never hears
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    proxied.on('error', () => req.socket.destroy());
    proxied.end(body);
  }

  const server = createServer((req, res) => {
    const page = pages[req.url ?? ''];
    if (page) return void res.writeHead(200, { 'content-type': page.type }).end(page.body);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const fault: Fault = random() < rate ? FAULTS[Math.floor(random() * FAULTS.length)]! : 'pass';
      counts[fault] += 1;
      switch (fault) {
        case 'pass':
          return forward(req, res, body, false);
        case 'drop-before':
          return void req.socket.destroy();
        case 'drop-after':
          return forward(req, res, body, true);
        case 'error-500':
          return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"code":"unavailable","message":"injected"}}');
        case 'rate-429':
          return void res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"error":{"code":"rate-limited","message":"injected"}}');
        case 'hang':
          return void setTimeout(() => req.socket.destroy(), 900);
        case 'slow':
          return void setTimeout(() => forward(req, res, body, false), 20 + random() * 120);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    setFaultRate: (next) => void (rate = next),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
