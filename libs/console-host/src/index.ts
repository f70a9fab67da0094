export * from './console-files.js';
export * from './console-host.module.js';
export * from './console-host.service.js';
