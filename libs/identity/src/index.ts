export * from './auth.guard.js';
export * from './decorators.js';
export * from './dev-identity-provider.js';
export * from './identity.module.js';
export * from './request-authenticator.service.js';
export * from './roles.js';
export * from './token-verifier.service.js';
