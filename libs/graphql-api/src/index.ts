export * from './error-formatter.js';
export * from './graphql-api.module.js';
export * from './graphql-exception.filter.js';
export * from './json.scalar.js';
export * from './query-limits.js';
export * from './rate-limiter.js';
export * from './graphql-api.errors.js';
