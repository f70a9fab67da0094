export * from './case-event-signing.js';
export * from './case-event-subscribers.js';
export * from './case-event-types.js';
export * from './case-event-publisher.js';
export * from './case-event.entity.js';
export * from './case-events.module.js';
export * from './delivery-policy.js';
