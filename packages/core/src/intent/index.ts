/**
 * @ai-interview-exit/core/intent: exit-intent signals (R29), apart from the main entry so that
 * the headless core carries them only when used: scoring, the quiet period, nudge records for HR.
 */
export * from '../schemas/nudge.js';
export * from '../schemas/nudge-record.js';
export * from './score.js';
