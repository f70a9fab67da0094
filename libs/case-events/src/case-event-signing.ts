import { CloudEvent, HTTP } from 'cloudevents';
import type { JWK } from 'jose';
import { signCompact } from '@ots/jws';
import { cloudEventType, type CaseEventName } from './case-event-types.js';

/** The header that carries the node's signature over the body. */
export const SIGNATURE_HEADER = 'x-jws-signature';
/** The `typ` of that signature's protected header. */
export const SIGNATURE_TYP = 'ots-case-event+jws';

/** One stored event, as the outbox row holds it. */
export interface StoredCaseEvent {
  id: string;
  name: CaseEventName;
  subject: string;
  time: Date;
  data: Record<string, unknown>;
}

/** The node's current signer: the same certified key that signs its envelopes and receipts. */
export interface EventSigner {
  kid: string;
  privateJwk: JWK;
}

/** An HTTP request ready to send: a structured-mode CloudEvent and the detached JWS over its exact bytes. */
export interface SignedCloudEvent {
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The CloudEvent of a stored event. `source` names the node (`urn:ots:node:KZ`), `id` is the stored event's id,
 * the same for every subscriber and every attempt, so a subscriber de-duplicates on (`source`, `id`).
 */
export function toCloudEvent(country: string, event: StoredCaseEvent): CloudEvent<Record<string, unknown>> {
  return new CloudEvent({
    specversion: '1.0',
    id: event.id,
    source: `urn:ots:node:${country}`,
    type: cloudEventType(event.name),
    subject: event.subject,
    time: event.time.toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
  });
}

/**
 * Serializes the event in structured mode (`application/cloudevents+json`) and signs those bytes with a detached
 * compact JWS (RFC 7515 appendix F, as UK Open Banking's `x-jws-signature`): `<protected>..<signature>`. A
 * subscriber puts the base64url of the body it received between the dots and verifies the result with the key
 * `kid` names in the node's `/.well-known/jwks.json`. The body sent is the JWS payload itself, so what is sent is
 * exactly what was signed.
 */
export async function signCloudEvent(event: CloudEvent<Record<string, unknown>>, signer: EventSigner): Promise<SignedCloudEvent> {
  const message = HTTP.structured(event);
  const compact = await signCompact(
    JSON.parse(message.body as string) as Record<string, unknown>,
    { typ: SIGNATURE_TYP, kid: signer.kid },
    signer.privateJwk,
  );
  const [protectedHeader, payload, signature] = compact.split('.') as [string, string, string];
  return {
    headers: { 'content-type': String(message.headers['content-type']), [SIGNATURE_HEADER]: `${protectedHeader}..${signature}` },
    body: Buffer.from(payload, 'base64url'),
  };
}

/** The compact JWS a subscriber verifies: the detached signature with the received body put back in. */
export function attachedJws(detached: string, body: Buffer | string): string {
  const [protectedHeader, empty, signature] = detached.split('.');
  if (protectedHeader === undefined || empty !== '' || signature === undefined) throw new Error('not a detached compact JWS');
  return `${protectedHeader}.${Buffer.from(body).toString('base64url')}.${signature}`;
}
