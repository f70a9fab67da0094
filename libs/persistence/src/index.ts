export * from './data-source-options.js';
export * from './database-faults.js';
export * from './migrations/index.js';
export * from './node-data-source.js';
export * from './persistence.errors.js';
export * from './persistence.module.js';
export * from './sequence-counter.entity.js';
export * from './statements.js';
