// One event class per file; every event bubbles and is composed, so a listener on the document hears it.
export * from './exit-request.js';
export * from './exit-confirm.js';
export * from './exit-complete.js';
export * from './exit-queued.js';
export * from './exit-cancel.js';
export * from './deletion-request.js';
export * from './deletion-complete.js';
export * from './resume.js';
export * from './error.js';
export * from './intent.js';
