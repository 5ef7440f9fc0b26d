import type { ServerResponse } from 'node:http';

/** `alert`: a role's exit rate crossed its alert line or recovered (R26), as data for the viewer to word. */
export type SseEvent = 'exit' | 'notification' | 'alert';

export interface SseHub {
  /** Start streaming to a response whose headers the caller has written. */
  add(response: ServerResponse): void;
  publish(event: SseEvent, data: unknown): void;
  /** End every stream (at shutdown, or the server would wait for them forever). */
  close(): void;
}

/** HR's live view (R13, R28): every exit and every HR push as it happens, over Server-Sent Events. */
export function createSseHub(options: { pingMs: number }): SseHub {
  const clients = new Set<ServerResponse>();
  // A comment line now and then keeps proxies and load balancers from closing an idle stream.
  const ping = setInterval(() => {
    for (const client of clients) client.write(': ping\n\n');
  }, options.pingMs);
  ping.unref();

  return {
    add(response) {
      clients.add(response);
      const socket = response.socket;
      response.on('close', () => {
        clients.delete(response);
        // The viewer went away (or only half-closed): the connection served this stream alone
        // (`connection: close`), so let it go, or it lingers and holds up a shutdown.
        socket?.destroy();
      });
      // A first comment flushes the headers, so that the browser's EventSource opens at once.
      response.write(': connected\n\n');
    },
    publish(event, data) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const client of clients) client.write(frame);
    },
    close() {
      clearInterval(ping);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
