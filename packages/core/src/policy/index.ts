export * from './plan.js';
export { defaultConfig, findTraps, formatProblems, parseConfig, type ConfigProblem, type ParsedConfig } from './lint.js';
