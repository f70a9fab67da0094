export * from './ots-error.js';
