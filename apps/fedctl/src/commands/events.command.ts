import type { Command } from 'commander';
import { adminRequest, withAdminOptions, type AdminOptions } from '../admin-request.js';
import { UsageError } from '../cli-error.js';
import { cliText } from '../i18n/cli-language.js';
import { CaseEventSubscribersDocument, RetryCaseEventsDocument } from '../operations/generated.js';
import { printTable } from '../output.js';

/** The subscriber names CASE_EVENT_SUBSCRIBERS accepts, and the event ids the node hands out (UUIDs). */
const SUBSCRIBER_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `fedctl events`: the case-event subscribers of a node and the retry of what was parked as dead. */
export function registerEventsCommands(program: Command): void {
  const events = program.command('events').description("case-system events: a node's subscribers and their dead deliveries");

  withAdminOptions(
    events
      .command('subscribers')
      .description('list the subscribers and their deliveries by state')
      .option('--json', 'print JSON instead of a table'),
  ).action(async (options: AdminOptions & { json?: boolean }, command: Command) => {
    const { data, country } = await adminRequest(command, options, CaseEventSubscribersDocument);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ country, subscribers: data.caseEventSubscribers }, null, 2)}\n`);
      return;
    }
    printTable(
      ['name', 'url', 'pending', 'delivered', 'dead', 'last error'],
      data.caseEventSubscribers.map((s) => [s.name, s.url, String(s.pending), String(s.delivered), String(s.dead), s.lastError ?? '']),
    );
  });

  withAdminOptions(
    events
      .command('retry')
      .description("put a subscriber's dead deliveries (or one event's) back in line for an immediate attempt")
      .requiredOption('--subscriber <name>', 'the subscriber, as CASE_EVENT_SUBSCRIBERS names it')
      .option('--event <id>', 'only this event (its CloudEvents id)')
      .option('--json', 'print JSON, for scripts'),
  ).action(async (options: AdminOptions & { subscriber: string; event?: string; json?: boolean }, command: Command) => {
    if (!SUBSCRIBER_NAME.test(options.subscriber)) throw new UsageError('eventsBadSubscriber', { value: options.subscriber });
    if (options.event !== undefined && !EVENT_ID.test(options.event)) throw new UsageError('eventsBadEventId', { value: options.event });
    const { data, country } = await adminRequest(command, options, RetryCaseEventsDocument, {
      subscriber: options.subscriber,
      eventId: options.event ?? null,
    });
    const retried = data.retryCaseEvents;
    if (options.json) process.stdout.write(`${JSON.stringify({ country, subscriber: options.subscriber, retried })}\n`);
    else process.stdout.write(`${cliText('eventsRetried', { country, subscriber: options.subscriber, retried })}\n`);
  });
}
