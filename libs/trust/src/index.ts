export * from './entity-configuration.client.js';
export * from './partner-keys.js';
export * from './trust-anchor.entity.js';
export * from './trust-anchor.service.js';
export * from './trust-anchor.types.js';
export * from './trust-view.service.js';
export * from './trust.errors.js';
export * from './trust.module.js';
