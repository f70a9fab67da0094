export * from './backoff.js';
export * from './envelope.js';
export * from './message-types.js';
export * from './message.entities.js';
export * from './messaging.errors.js';
export * from './messaging.module.js';
export * from './messaging.service.js';
export * from './partner-directory.service.js';
