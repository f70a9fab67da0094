export * from './backup-format.js';
export * from './backup-payload.js';
export * from './backup.errors.js';
export * from './backup-audit.js';
export * from './backup.module.js';
export * from './node-backup.js';
