import { OtsError } from '@ots/errors';

/** The country code names no member or observer of the federation configuration. */
export class UnknownCountryError extends OtsError {
  static override readonly code = 'UNKNOWN_COUNTRY';
  readonly code = UnknownCountryError.code;
}

/** An admin asked a node to pin its own country as a partner. */
export class SelfTrustError extends OtsError {
  static override readonly code = 'SELF_TRUST';
  readonly code = SelfTrustError.code;
}

/** The partner's entity configuration is not signed by any thumbprint the admin pinned. */
export class ThumbprintMismatchError extends OtsError {
  static override readonly code = 'THUMBPRINT_MISMATCH';
  readonly code = ThumbprintMismatchError.code;
}

/** The partner's node did not answer (refused, timed out, or answered something that is not its entity configuration). */
export class PartnerUnreachableError extends OtsError {
  static override readonly code = 'PARTNER_UNREACHABLE';
  readonly code = PartnerUnreachableError.code;
  override readonly httpStatus = 502;
}

/** The partner's entity configuration was fetched but is not valid (wrong issuer, expired, malformed, or not the country asked for). */
export class BadEntityConfigurationError extends OtsError {
  static override readonly code = 'BAD_ENTITY_CONFIGURATION';
  readonly code = BadEntityConfigurationError.code;
}

/** This node has no trust anchor for the country named. */
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
