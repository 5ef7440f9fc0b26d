/**
 * @ai-interview-exit/core/memory: an in-memory backend for tests, stories and offline demos.
 * A subpath of its own so that production bundles never carry it.
 */
export * from './adapters/memory.js';
