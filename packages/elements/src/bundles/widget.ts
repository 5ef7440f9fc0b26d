/** dist/widget.min.js (a first script and its later parts) and dist/widget-all.min.js (one file): every widget tag, and the HTTP adapter. */
// The dependencies first, then the strings and their translator: rollup lays modules out in the
// order they are first imported, and gzip (a 32 KB window) packs like code better when it sits together.
import 'lit';
import 'zod/mini';
import '@ai-interview-exit/core/i18n';

export * from '../define/index.js';
export { createHttpAdapter } from '@ai-interview-exit/core/delivery';
