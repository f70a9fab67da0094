export * from './graphql-operation.js';
export * from './request-context.js';
export * from './trace-context.js';
export * from './request-context.decorator.js';
