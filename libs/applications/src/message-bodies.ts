import type { z } from 'zod';
import type { MsgType } from '@ots/messaging';
import { decisionBody, evidenceRequestBody, evidenceResponseBody, statusBody, submitBody } from './residence-permit.commands.js';
import { certificateBody, tinBody } from './tax.commands.js';

/**
 * The body schema of every `msg_type` (docs/protocol/README.md section 7): the ones the handlers validate with,
 * gathered so that the published JSON Schemas (docs/protocol/schemas/) are generated from them and a type added to
 * MSG_TYPES without a schema fails to compile.
 */
export const MESSAGE_BODIES = {
  'application.submit': submitBody,
  'application.status': statusBody,
  'application.decision': decisionBody,
  'evidence.request': evidenceRequestBody,
  'evidence.response': evidenceResponseBody,
  'tax.residence-certificate': certificateBody,
  'tax.tin-verification': tinBody,
} as const satisfies Record<MsgType, z.ZodType>;
