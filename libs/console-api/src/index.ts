export * from './console-api.module.js';
export * from './federation-overview.service.js';
export * from './message-feed.service.js';
export * from './partner-inspection.service.js';
