export * from './adapter.js';
export * from './memory.js';
