import { closedSetEnum } from '@ots/graphql-api';
import { OUTBOX_STATUSES } from './message.entities.js';
import { MSG_TYPES } from './message-types.js';

export const MessageTypeEnum = closedSetEnum('MessageType', MSG_TYPES, 'docs/protocol section 6 `msg_type` values.');
export const MessageStatusEnum = closedSetEnum(
  'MessageStatus',
  OUTBOX_STATUSES,
  'Where an outgoing message stands: PENDING (to be sent or retried), DELIVERED (receipted) or DEAD (retries exhausted).',
);
