export * from './compact-jws.js';
export * from './entity-configuration.js';
export * from './jws.errors.js';
export * from './keys.js';
export * from './signer-certificate.js';
export * from './secret-file.js';
export * from './trust-view.js';
export * from './anchors-file.js';
