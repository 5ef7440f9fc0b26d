export * from './state.js';
export * from './reducer.js';
export * from './store.js';
