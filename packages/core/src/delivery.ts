/**
 * @ai-interview-exit/core/delivery: the durable outbox (IndexedDB; store first, send second,
 * delete on acknowledgement), its delivery for the exit store, and the HTTP adapter for `/v1`.
 */
export * from './delivery/outbox.js';
export * from './delivery/outbox-delivery.js';
export * from './delivery/storage.js';
export * from './adapters/http.js';
