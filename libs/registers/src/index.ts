export * from './accounted-registers.js';
export * from './circuit-breaker.js';
export * from './data-usage.entity.js';
export * from './data-usage.ledger.js';
export * from './data-usage.types.js';
export * from './file-registers.js';
export * from './http-registers.js';
export * from './national-registers.js';
export {
  Purpose,
  PURPOSE_KINDS,
  CONSENT_ACTS,
  DATA_CATEGORIES,
  type ConsentAct,
  type DataCategory,
  type PurposeKind,
  type RegisterRead,
} from './purpose.js';
export * from './registers-contract.js';
export * from './registers.config.js';
export * from './registers.errors.js';
export * from './registers.module.js';
