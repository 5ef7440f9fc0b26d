export * from './common.js';
export * from './progress.js';
export * from './config.js';
export * from './exit-record.js';
export * from './deletion.js';
export * from './status.js';
export * from './protocol.js';
export * from './context.js';
