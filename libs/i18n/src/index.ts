export * from './i18n.errors.js';
export * from './i18n.module.js';
export * from './i18n.service.js';
export * from './language-negotiation.js';
export { MESSAGES, type MessageKey, type Messages } from './messages/index.js';
export * from './accept-language.decorator.js';
