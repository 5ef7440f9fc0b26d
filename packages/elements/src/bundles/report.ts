/** dist/report.min.js: one script for an HR page — the report, and the HR adapters. */
export * from '../define/report.js';
export { createHttpHrAdapter, createMemoryHrAdapter } from '@ai-interview-exit/core/insights';
