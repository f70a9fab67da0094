export * from './entity-configuration.service.js';
export * from './key-file.js';
export * from './key-store.js';
export * from './keys.module.js';
export * from './key-rotation.service.js';
export * from './key-change-preview.js';
