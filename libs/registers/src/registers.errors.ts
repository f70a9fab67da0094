import { OtsError } from '@ots/errors';

/**
 * Why a register call failed, as `reason` beside the code (stable sub-codes an admin's tools switch over): the
 * register did not answer in time, refused the connection, answered 5xx, or the circuit is open after repeated
 * failures.
 */
export const REGISTER_UNAVAILABLE_REASONS = ['TIMEOUT', 'UNREACHABLE', 'SERVER_ERROR', 'CIRCUIT_OPEN'] as const;
export type RegisterUnavailableReason = (typeof REGISTER_UNAVAILABLE_REASONS)[number];

/** Base of the errors a register call ends in; `transient` says whether asking again later may succeed. */
export abstract class RegisterError extends OtsError {
  abstract readonly transient: boolean;
  override readonly httpStatus: number = 503;
}

/** The country's registers did not answer (down, too slow, 5xx, or the node stopped asking for a while): retried later. */
export class RegisterUnavailableError extends RegisterError {
  static override readonly code = 'REGISTER_UNAVAILABLE';
  readonly code = RegisterUnavailableError.code;
  readonly transient = true;
}

/** The registers answered something the contract (docs/national-registers.openapi.yaml) does not allow. */
export class RegisterContractViolationError extends RegisterError {
  static override readonly code = 'REGISTER_CONTRACT_VIOLATION';
  readonly code = RegisterContractViolationError.code;
  readonly transient = true;
}

/** The registers refused this node's credentials (API key or client certificate), or their TLS certificate did not verify. */
export class RegisterAccessDeniedError extends RegisterError {
  static override readonly code = 'REGISTER_ACCESS_DENIED';
  readonly code = RegisterAccessDeniedError.code;
  readonly transient = true;
}
