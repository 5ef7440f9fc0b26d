/**
 * @ai-interview-exit/core: the headless part of the SDK. Safe to import where there is no DOM.
 * Translations live in the `@ai-interview-exit/core/i18n` subpath so this entry carries no strings.
 */
export * from './schemas/index.js';
export * from './policy/index.js';
export * from './flow/index.js';
export * from './adapters/index.js';
export { newUuid } from './ids.js';
