export * from './configuration-reload.service.js';
export * from './membership.errors.js';
export * from './membership.module.js';
export * from './reload-check.js';
