export * from './diagnostics.js';
export * from './metrics-recorder.js';
export * from './monitoring.module.js';
export * from './node-logger.js';
export * from './node.checks.js';
export * from './person-id-mask.js';
export * from './tracing.js';
