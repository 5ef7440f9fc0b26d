export * from './plan.js';
export * from './lint.js';
