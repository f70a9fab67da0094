import { describe, expect, it } from 'vitest';
import { handlerCoverage, MSG_TYPES } from './message-types.js';
import { MessageHandlersIncompleteError } from './messaging.errors.js';
import { MessagingService } from './messaging.service.js';

const noWrite = () => Promise.resolve(async () => {});

/** Only the handler table is used by registerHandler and assertEveryTypeHandled. */
const bareService = () => new MessagingService(null as never, null as never, null as never, null as never, null as never, null as never);

describe(handlerCoverage.name, () => {
  it('finds nothing wrong when every listed type, and only those, is handled', () => {
    expect(handlerCoverage(MSG_TYPES)).toEqual({ missing: [], unlisted: [] });
  });

  it('names the listed types without a handler and the handled types the protocol does not list', () => {
    const handled: string[] = [...MSG_TYPES.filter((t) => t !== 'evidence.request'), 'application.appeal'];
    expect(handlerCoverage(handled)).toEqual({ missing: ['evidence.request'], unlisted: ['application.appeal'] });
  });
});

describe('MessagingService.assertEveryTypeHandled', () => {
  it('passes once a handler is registered for every type of MSG_TYPES', () => {
    const sut = bareService();
    for (const type of MSG_TYPES) sut.registerHandler(type, noWrite);
    expect(() => sut.assertEveryTypeHandled()).not.toThrow();
  });

  it('stops start-up when a listed type has no handler', () => {
    const sut = bareService();
    for (const type of MSG_TYPES.slice(1)) sut.registerHandler(type, noWrite);
    expect(() => sut.assertEveryTypeHandled()).toThrow(MessageHandlersIncompleteError);
    expect(() => sut.assertEveryTypeHandled()).toThrow(`message types without a handler: [${MSG_TYPES[0]}]`);
  });

  it('stops start-up when a handler takes a type the protocol does not list', () => {
    const sut = bareService();
    for (const type of MSG_TYPES) sut.registerHandler(type, noWrite);
    sut.registerHandler('application.appeal' as never, noWrite);
    expect(() => sut.assertEveryTypeHandled()).toThrow('handled but not listed: [application.appeal]');
  });
});
