export * from './data-source-options.js';
export * from './migrations/index.js';
export * from './persistence.module.js';
export * from './sequence-counter.entity.js';
export * from './sqlite-serializer.js';
export * from './statements.js';
