import { TrustStore1732300000000 } from './1732300000000-trust-store.js';
import { DocumentsAndAudit1732400000000 } from './1732400000000-documents-and-audit.js';
import { Registry1732500000000 } from './1732500000000-registry.js';
import { MessagingAndApplications1732600000000 } from './1732600000000-messaging-and-applications.js';
import { CaseListing1732700000000 } from './1732700000000-case-listing.js';
import { Transparency1733100000000 } from './1733100000000-transparency.js';
import { CaseFailure1733200000000 } from './1733200000000-case-failure.js';
import { OutboxTraceContext1733300000000 } from './1733300000000-outbox-trace-context.js';
import { DataUsage1733420000000 } from './1733420000000-data-usage.js';
import { CaseEvents1733430000000 } from './1733430000000-case-events.js';
import { MessageTally1733440000000 } from './1733440000000-message-tally.js';

/** Every migration, oldest first; run at start-up on SQLite and PostgreSQL alike. */
export const MIGRATIONS = [
  TrustStore1732300000000,
  DocumentsAndAudit1732400000000,
  Registry1732500000000,
  MessagingAndApplications1732600000000,
  CaseListing1732700000000,
  Transparency1733100000000,
  CaseFailure1733200000000,
  OutboxTraceContext1733300000000,
  DataUsage1733420000000,
  CaseEvents1733430000000,
  MessageTally1733440000000,
];
