/** dist/report.min.js: one script for an HR page — the report, and the HR adapters. */
export * from '../define/report.js';
export { createHttpHrAdapter, createMemoryHrAdapter } from '@ai-interview-exit/core/insights';
// A page's own live lines (HR's feed) in the viewer's language, with the report's words (R26).
export { hrLiveLine } from '@ai-interview-exit/core/insights';
export { createI18n, hrResources } from '@ai-interview-exit/core/i18n';
