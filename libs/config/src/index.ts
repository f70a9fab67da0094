export * from './config.errors.js';
export * from './config.module.js';
export * from './federation-config.js';
export * from './node-config.js';
export * from './node-runtime.js';
export * from './project-root.js';
export * from './zod-issues.js';
