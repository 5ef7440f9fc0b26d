import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Every answer of 1 KiB or more goes out compressed (Brotli, else gzip) to a client that asks:
 * the protocol's JSON and whatever an embedding app serves beside it (the SDK's files, pages).
 * Server-Sent Events are never compressed or buffered: their routes take the raw response
 * (`reply.hijack()`, no `onSend` hook runs) and the plugin leaves `text/event-stream` alone.
 * Request bodies are not inflated: the protocol takes plain JSON, within its body limit.
 * Register before the routes: the plugin attaches itself to each route as it is added.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { encodings: ['br', 'gzip'], globalDecompression: false });
}
