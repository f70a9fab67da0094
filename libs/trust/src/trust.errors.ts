import { OtsError } from '@ots/errors';

export class UnknownCountryError extends OtsError {
  static override readonly code = 'UNKNOWN_COUNTRY';
  readonly code = UnknownCountryError.code;
}

export class SelfTrustError extends OtsError {
  static override readonly code = 'SELF_TRUST';
  readonly code = SelfTrustError.code;
}

/** The partner's entity configuration is not signed by any thumbprint the admin pinned. */
export class ThumbprintMismatchError extends OtsError {
  static override readonly code = 'THUMBPRINT_MISMATCH';
  readonly code = ThumbprintMismatchError.code;
}

export class PartnerUnreachableError extends OtsError {
  static override readonly code = 'PARTNER_UNREACHABLE';
  readonly code = PartnerUnreachableError.code;
  override readonly httpStatus = 502;
}

export class BadEntityConfigurationError extends OtsError {
  static override readonly code = 'BAD_ENTITY_CONFIGURATION';
  readonly code = BadEntityConfigurationError.code;
}

export class TrustAnchorNotFoundError extends OtsError {
  static override readonly code = 'TRUST_ANCHOR_NOT_FOUND';
  readonly code = TrustAnchorNotFoundError.code;
  override readonly httpStatus = 404;
}

/** A change the anchor's current status does not allow (e.g. reactivating a revoked country). */
export class TrustTransitionError extends OtsError {
  static override readonly code = 'TRUST_TRANSITION_REFUSED';
  readonly code = TrustTransitionError.code;
}
