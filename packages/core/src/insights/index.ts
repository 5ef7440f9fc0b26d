/**
 * @ai-interview-exit/core/insights: what HR learns from exits (R16, R24, R26), as pure functions
 * shared by the report element and the server. A subpath, so the candidate widget never carries it.
 */
export * from '../schemas/hr.js';
export * from './compute.js';
export * from './nudges.js';
export * from './hr-adapter.js';
export * from './csv.js';
export * from './labels.js';
export * from './zoned.js';
export * from './live-words.js';
