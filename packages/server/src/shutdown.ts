import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Let `close()` finish promptly. Node closes idle keep-alive connections itself, but not one that
 * was opened and has not sent a request yet (HTTP clients open spares, e.g. after a stream is
 * cancelled); such a socket would hold the shutdown up until it times out. It has no work in
 * flight, so it is safe to drop.
 */
export function closeUnusedConnectionsOnClose(app: FastifyInstance): void {
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  app.server.on('request', (request: { socket: Socket }) => unused.delete(request.socket));
  app.addHook('preClose', async () => {
    for (const socket of unused) socket.destroy();
    unused.clear();
  });
}
