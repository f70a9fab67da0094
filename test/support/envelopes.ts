import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { encryptEnvelope, signEnvelope, type MsgType } from '@ots/messaging';

/**
 * Builds messages as a node would, from that node's own key file, so tests
 * can replay, mis-address or forge deliveries against a real partner.
 */
export function signerOf(dataRoot: string, country: string): { kid: string; privateJwk: JWK; certificate: string } {
  const file = JSON.parse(readFileSync(join(dataRoot, country, 'keys.json'), 'utf8')) as {
    keys: { role: string; kid: string; privateJwk: JWK; certificate?: string; retiredAt?: string }[];
  };
  const signer = [...file.keys].reverse().find((k) => k.role === 'signer' && !k.retiredAt);
  if (!signer?.certificate) throw new Error(`no signer for ${country}`);
  return { kid: signer.kid, privateJwk: signer.privateJwk, certificate: signer.certificate };
}

export async function encryptionKeyOf(url: string): Promise<JWK> {
  const jwks = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
  const key = jwks.keys.find((k) => k.use === 'enc');
  if (!key) throw new Error('no encryption key');
  return key;
}

export async function sealedMessage(options: {
  from: string;
  to: string;
  signer: { kid: string; privateJwk: JWK; certificate: string };
  recipientKey: JWK;
  msgType: MsgType;
  body: Record<string, unknown>;
  jti?: string;
  now?: number;
}): Promise<string> {
  const envelope = await signEnvelope({
    iss: options.from,
    aud: options.to,
    jti: options.jti,
    msgType: options.msgType,
    body: options.body,
    signer: options.signer,
    now: options.now,
  });
  return encryptEnvelope(envelope, options.recipientKey);
}
