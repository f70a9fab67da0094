export * from './application.entities.js';
export * from './applications.module.js';
export * from './case-state.js';
export * from './citizen-records.js';
export * from './form-validation.js';
export * from './residence-permit.service.js';
export * from './tax.service.js';
