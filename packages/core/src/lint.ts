/**
 * @ai-interview-exit/core/lint: everything wrong with a config, advice included, for a vendor's
 * tests, CI and console. Widgets and servers refuse only what traps a candidate (`parseConfig`).
 */
export { lintConfig } from './policy/advice.js';
