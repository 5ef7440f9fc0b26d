/** dist/widget.min.js: one script for a candidate page — every widget tag, and the HTTP adapter. */
export * from '../define/index.js';
export { createHttpAdapter } from '@ai-interview-exit/core/delivery';
