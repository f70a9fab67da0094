import { CASE_STATUSES } from '@ots/applications';
import { screamingCase } from '@ots/graphql-api';
import { DOC_TYPES, KEY_REVOCATION_REASONS } from '@ots/jws';
import { ANCHOR_STATUSES, KEY_SOURCES, KEY_STATUSES, PARTNER_KEY_KINDS, PARTNER_KEY_SOURCES, PARTNER_KEY_STATUSES } from '@ots/trust';
import type { AnchorFieldsFragment, PartnerKeysQuery } from './generated.js';

/**
 * fedctl shows and compares the protocol's wire values (`active`, `residence-permit`), as it did before the schema
 * had enums: the schema's names (ACTIVE, RESIDENCE_PERMIT) are translated here, at the edge, from the constants the
 * node builds its enums from. A name this fedctl does not know (a newer node) is shown as the node sent it.
 */
export function wireValue<const V extends string>(values: readonly V[], name: string): V | string {
  return values.find((value) => screamingCase(value) === name) ?? name;
}

/** The schema's name of a wire value, typed as the generated enum type `N` that lists it. */
export const schemaName = <N extends string>(value: string): N => screamingCase(value) as N;

export const WIRE = {
  docType: (name: string) => wireValue(DOC_TYPES, name),
  caseStatus: (name: string) => wireValue(CASE_STATUSES, name),
};

type AnchorKey = AnchorFieldsFragment['keys'][number];
/** A trust anchor as fedctl shows it: status and keys in wire values. */
export type WireAnchor = Omit<AnchorFieldsFragment, 'status' | 'keys'> & {
  status: string;
  keys: (Omit<AnchorKey, 'source' | 'status' | 'revocationReason'> & { source: string; status: string; revocationReason: string | null })[];
};

/** A trust anchor with its status and keys in wire values. */
export const anchorWire = (a: AnchorFieldsFragment): WireAnchor => ({
  ...a,
  status: wireValue(ANCHOR_STATUSES, a.status),
  keys: a.keys.map((k) => ({
    ...k,
    source: wireValue(KEY_SOURCES, k.source),
    status: wireValue(KEY_STATUSES, k.status),
    revocationReason: k.revocationReason === null ? null : wireValue(KEY_REVOCATION_REASONS, k.revocationReason),
  })),
});

type PartnerKey = PartnerKeysQuery['partnerKeys'][number];
/** A partner key as fedctl shows it: kind, source, status and revocation reason in wire values. */
export type WirePartnerKey = Omit<PartnerKey, 'kind' | 'source' | 'status' | 'revocationReason'> & {
  kind: string;
  source: string;
  status: string;
  revocationReason: string | null;
};

/** A partner key with its kind, source, status and revocation reason in wire values. */
export const partnerKeyWire = (k: PartnerKey): WirePartnerKey => ({
  ...k,
  kind: wireValue(PARTNER_KEY_KINDS, k.kind),
  source: wireValue(PARTNER_KEY_SOURCES, k.source),
  status: wireValue(PARTNER_KEY_STATUSES, k.status),
  revocationReason: k.revocationReason === null ? null : wireValue(KEY_REVOCATION_REASONS, k.revocationReason),
});
