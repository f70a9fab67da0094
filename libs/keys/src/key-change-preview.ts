import { MAX_CERTIFICATE_LIFETIME_SECONDS } from '@ots/jws';
import type { StoredKey } from './key-file.js';

/** The key changes an admin can preview: `fedctl keys rotate`, `keys add-root` and `keys retire-root`. */
export const KEY_CHANGES = ['rotate-signer', 'add-root', 'retire-root'] as const;
export type KeyChange = (typeof KEY_CHANGES)[number];

/** Why the change would be refused, in the same cases KeyStore refuses it. */
export const KEY_CHANGE_BLOCKS = ['two-roots-active', 'only-root', 'not-an-active-root'] as const;
export type KeyChangeBlock = (typeof KEY_CHANGE_BLOCKS)[number];

/** One key as KeyStore.describe() reports it. */
export interface DescribedKey {
  role: StoredKey['role'];
  kid: string;
  createdAt: string;
  retiredAt: string | null;
  certificateExpiresAt: number | null;
}

/** A key the change adds (its thumbprint exists only once it is made) or retires. */
export interface PreviewedKey {
  role: StoredKey['role'];
  /** Null for a key the change generates. */
  kid: string | null;
  /** Seconds; for a new certified key the certificate's notBefore, null for a root. */
  validFrom: number | null;
  /** Seconds; the certificate's end, null for a root. */
  validTo: number | null;
  /** The root that certifies a new signer, encryption or log key; null for a root. */
  certifiedBy: string | null;
}

/** What partners will see once the change is done: the entity configuration's roots and signer, the JWKS's keys. */
export interface KeyChangePreview {
  change: KeyChange;
  blockedBy: KeyChangeBlock | null;
  /** Keys that appear in the published JWKS (a new root also in the entity configuration). */
  added: PreviewedKey[];
  /** Keys that leave the JWKS; they stay in the historical keys, so what they signed keeps verifying until it expires. */
  retiring: PreviewedKey[];
  /** Root thumbprints the entity configuration announces after the change (a new root is not among them: it has none yet). */
  rootsKept: string[];
  /** The root that signs the entity configuration afterwards. */
  signedBy: string;
}

const CERTIFIED = ['signer', 'enc', 'log'] as const;

/**
 * What a key change would publish, computed from the key store's description without touching it: the same rules as
 * KeyStore.rotateSigner, addRoot and retireRoot (the first active root signs; the newest unretired key of a role is
 * its current one; certificates run MAX_CERTIFICATE_LIFETIME_SECONDS from now).
 */
export function previewKeyChange(keys: readonly DescribedKey[], change: KeyChange, nowSeconds: number, rootKid?: string): KeyChangePreview {
  const activeRoots = keys.filter((k) => k.role === 'root' && !k.retiredAt).map((k) => k.kid);
  const signing = activeRoots[0] ?? '';
  const current = (role: StoredKey['role']): DescribedKey | undefined => [...keys].reverse().find((k) => k.role === role && !k.retiredAt);
  const asRetiring = (k: DescribedKey): PreviewedKey => ({
    role: k.role,
    kid: k.kid,
    validFrom: null,
    validTo: k.certificateExpiresAt,
    certifiedBy: null,
  });
  const fresh = (role: StoredKey['role'], certifiedBy: string): PreviewedKey => ({
    role,
    kid: null,
    validFrom: nowSeconds,
    validTo: nowSeconds + MAX_CERTIFICATE_LIFETIME_SECONDS,
    certifiedBy,
  });
  const unchanged = { added: [], retiring: [], rootsKept: activeRoots, signedBy: signing };
  switch (change) {
    case 'rotate-signer': {
      const signer = current('signer');
      return {
        change,
        blockedBy: null,
        added: [fresh('signer', signing)],
        retiring: signer ? [asRetiring(signer)] : [],
        rootsKept: activeRoots,
        signedBy: signing,
      };
    }
    case 'add-root':
      if (activeRoots.length >= 2) return { change, blockedBy: 'two-roots-active', ...unchanged };
      return {
        change,
        blockedBy: null,
        added: [{ role: 'root', kid: null, validFrom: null, validTo: null, certifiedBy: null }],
        retiring: [],
        rootsKept: activeRoots,
        signedBy: signing,
      };
    case 'retire-root': {
      if (!rootKid || !activeRoots.includes(rootKid)) return { change, blockedBy: 'not-an-active-root', ...unchanged };
      if (activeRoots.length < 2) return { change, blockedBy: 'only-root', ...unchanged };
      const kept = activeRoots.filter((kid) => kid !== rootKid);
      const next = kept[0] as string;
      const root = keys.find((k) => k.kid === rootKid) as DescribedKey;
      return {
        change,
        blockedBy: null,
        added: CERTIFIED.map((role) => fresh(role, next)),
        retiring: [asRetiring(root), ...CERTIFIED.flatMap((role) => current(role) ?? []).map(asRetiring)],
        rootsKept: kept,
        signedBy: next,
      };
    }
  }
}
