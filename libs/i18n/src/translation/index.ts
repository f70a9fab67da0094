export * from './completeness.js';
export * from './freshness.js';
export * from './mark-fresh.js';
export * from './string-sets.js';
export * from './string-table.js';
export * from './translation-status.js';
export * from './writing-systems.js';
