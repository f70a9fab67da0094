import { randomBytes } from 'node:crypto';
import pkcs11js from 'pkcs11js';
import type * as P from 'pkcs11js';
import { thumbprint, KEY_ENCRYPTION_ALGORITHM, type KeyAgreementKey, type SigningKey } from '@ots/jws';
import type { JWK } from 'jose';
import type { GeneratedKey, KeyBackend, KeyRole } from './key-backend.js';
import type { StoredKey } from './key-file.js';
import { HsmPinWrongError, HsmUnavailableError } from './keys.errors.js';

// PKCS #11 3.0 values pkcs11js 2.1 does not export (docs/decisions.md, "PKCS #11 binding").
const CKM_EC_EDWARDS_KEY_PAIR_GEN = 0x1055;
const CKM_EDDSA = 0x1057;
// DER OIDs as CKA_EC_PARAMS: id-Ed25519 (1.3.101.112) and id-X25519 (1.3.101.110), RFC 8410.
const ED25519_PARAMS = Buffer.from('06032b6570', 'hex');
const X25519_PARAMS = Buffer.from('06032b656e', 'hex');

export interface Pkcs11Settings {
  module: string;
  tokenLabel: string;
  pin: string;
}

/**
 * Keys generated inside a PKCS #11 token (tested against SoftHSM2), private halves sensitive and not extractable:
 * the node only asks the token to sign (CKM_EDDSA) or to derive an X25519 shared secret (CKM_ECDH1_DERIVE). One
 * logged-in read-write session; pkcs11js calls are synchronous, so operations never interleave on it.
 */
export class Pkcs11KeyBackend implements KeyBackend {
  readonly kind = 'pkcs11';
  private readonly handles = new Map<string, P.Handle>();

  private constructor(
    private readonly pkcs11: P.PKCS11,
    private readonly session: P.Handle,
  ) {}

  /** Loads the module, finds the token by label (SoftHSM2 puts it in a random slot) and logs in with the PIN. */
  static open(settings: Pkcs11Settings): Pkcs11KeyBackend {
    const pkcs11 = new pkcs11js.PKCS11();
    try {
      pkcs11.load(settings.module);
      pkcs11.C_Initialize();
    } catch (err) {
      throw new HsmUnavailableError(`PKCS11_MODULE ${settings.module} cannot be loaded: ${(err as Error).message}`);
    }
    try {
      const slot = pkcs11.C_GetSlotList(true).find((s) => pkcs11.C_GetTokenInfo(s).label.trim() === settings.tokenLabel);
      if (!slot) throw new HsmUnavailableError(`no PKCS #11 token labelled "${settings.tokenLabel}" in ${settings.module}`);
      const session = pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
      try {
        pkcs11.C_Login(session, pkcs11js.CKU_USER, settings.pin);
      } catch (err) {
        const code = (err as { code?: number }).code;
        if (code === pkcs11js.CKR_PIN_INCORRECT || code === pkcs11js.CKR_PIN_LEN_RANGE || code === pkcs11js.CKR_PIN_INVALID)
          throw new HsmPinWrongError(`token "${settings.tokenLabel}" refused the PIN in PKCS11_PIN_FILE`);
        if (code === pkcs11js.CKR_PIN_LOCKED) throw new HsmPinWrongError(`token "${settings.tokenLabel}": the PIN is locked`);
        if (code !== pkcs11js.CKR_USER_ALREADY_LOGGED_IN) throw err;
      }
      return new Pkcs11KeyBackend(pkcs11, session);
    } catch (err) {
      pkcs11.C_Finalize();
      if (err instanceof HsmUnavailableError || err instanceof HsmPinWrongError) throw err;
      throw new HsmUnavailableError(`token "${settings.tokenLabel}": ${(err as Error).message}`);
    }
  }

  async generate(role: KeyRole): Promise<GeneratedKey> {
    const enc = role === 'enc';
    const id = randomBytes(16);
    const { publicKey, privateKey } = this.pkcs11.C_GenerateKeyPair(
      this.session,
      { mechanism: CKM_EC_EDWARDS_KEY_PAIR_GEN },
      [
        { type: pkcs11js.CKA_TOKEN, value: false },
        { type: pkcs11js.CKA_EC_PARAMS, value: enc ? X25519_PARAMS : ED25519_PARAMS },
        { type: pkcs11js.CKA_VERIFY, value: !enc },
      ],
      [
        { type: pkcs11js.CKA_TOKEN, value: true },
        { type: pkcs11js.CKA_PRIVATE, value: true },
        { type: pkcs11js.CKA_SENSITIVE, value: true },
        { type: pkcs11js.CKA_EXTRACTABLE, value: false },
        { type: pkcs11js.CKA_ID, value: id },
        { type: pkcs11js.CKA_LABEL, value: `ots-${role}` },
        { type: enc ? pkcs11js.CKA_DERIVE : pkcs11js.CKA_SIGN, value: true },
      ],
    );
    const [point] = this.pkcs11.C_GetAttributeValue(this.session, publicKey, [{ type: pkcs11js.CKA_EC_POINT }]);
    this.pkcs11.C_DestroyObject(this.session, publicKey);
    const x = rawPoint(point?.value as Buffer).toString('base64url');
    const alg = enc ? KEY_ENCRYPTION_ALGORITHM : 'EdDSA';
    const bare: JWK = { kty: 'OKP', crv: enc ? 'X25519' : 'Ed25519', x };
    const kid = await thumbprint(bare);
    const hsmId = id.toString('hex');
    this.handles.set(hsmId, privateKey);
    return { kid, alg, hsmId, publicJwk: { ...bare, kid, alg, use: enc ? 'enc' : 'sig' } };
  }

  signingKey(key: StoredKey): SigningKey | undefined {
    if (!key.hsmId) return undefined;
    const handle = this.privateKey(key.hsmId);
    return {
      kid: key.kid,
      alg: 'EdDSA',
      sign: (data) => {
        this.pkcs11.C_SignInit(this.session, { mechanism: CKM_EDDSA }, handle);
        return this.pkcs11.C_Sign(this.session, data, Buffer.alloc(64));
      },
    };
  }

  agreementKey(key: StoredKey): KeyAgreementKey | undefined {
    if (!key.hsmId) return undefined;
    const handle = this.privateKey(key.hsmId);
    return {
      kid: key.kid,
      deriveSharedSecret: (peer) => {
        const secret = this.pkcs11.C_DeriveKey(
          this.session,
          {
            mechanism: pkcs11js.CKM_ECDH1_DERIVE,
            parameter: { type: pkcs11js.CK_PARAMS_EC_DH, kdf: pkcs11js.CKD_NULL, publicData: peer } as P.ECDH1,
          },
          handle,
          [
            { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
            { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_GENERIC_SECRET },
            { type: pkcs11js.CKA_VALUE_LEN, value: 32 },
            { type: pkcs11js.CKA_TOKEN, value: false },
            { type: pkcs11js.CKA_SENSITIVE, value: false },
            { type: pkcs11js.CKA_EXTRACTABLE, value: true },
          ],
        );
        try {
          const [value] = this.pkcs11.C_GetAttributeValue(this.session, secret, [{ type: pkcs11js.CKA_VALUE }]);
          return Buffer.from(value?.value as Buffer);
        } finally {
          this.pkcs11.C_DestroyObject(this.session, secret);
        }
      },
    };
  }

  close(): void {
    try {
      this.pkcs11.C_Logout(this.session);
      this.pkcs11.C_CloseSession(this.session);
    } finally {
      this.pkcs11.C_Finalize();
    }
  }

  private privateKey(hsmId: string): P.Handle {
    let handle = this.handles.get(hsmId);
    if (!handle) {
      this.pkcs11.C_FindObjectsInit(this.session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
        { type: pkcs11js.CKA_ID, value: Buffer.from(hsmId, 'hex') },
      ]);
      try {
        handle = this.pkcs11.C_FindObjects(this.session) ?? undefined;
      } finally {
        this.pkcs11.C_FindObjectsFinal(this.session);
      }
      if (!handle) throw new HsmUnavailableError(`the token holds no private key with CKA_ID ${hsmId}; is it the node's token?`);
      this.handles.set(hsmId, handle);
    }
    return handle;
  }
}

/** CKA_EC_POINT is a DER OCTET STRING around the 32 raw bytes (SoftHSM2; PKCS #11 3.0 allows both). */
function rawPoint(point: Buffer): Buffer {
  if (point.length === 34 && point[0] === 0x04 && point[1] === 0x20) return point.subarray(2);
  if (point.length === 32) return point;
  throw new HsmUnavailableError(`unexpected CKA_EC_POINT of ${point.length} bytes`);
}
