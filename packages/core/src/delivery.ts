/**
 * @ai-interview-exit/core/delivery: the durable outbox (IndexedDB; store first, send second,
 * delete on acknowledgement) and the HTTP adapter for the `/v1` protocol.
 */
export * from './delivery/outbox.js';
export * from './delivery/storage.js';
export * from './adapters/http.js';
