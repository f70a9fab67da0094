import type { CaseEventSubscriber } from './case-event-subscribers.js';

/** The subscribers of this node, as configured, with the attempts limit settled. */
export type ConfiguredSubscriber = CaseEventSubscriber & { maxAttempts: number };

/** Injection token of the configured subscribers. */
export const CASE_EVENT_SUBSCRIBERS = Symbol('CASE_EVENT_SUBSCRIBERS');
