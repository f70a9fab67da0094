import { Injectable, Logger } from '@nestjs/common';
import { NodeConfig } from '@ots/config';
import { JwsVerificationError, type TrustView, type VerificationReason } from '@ots/jws';
import { MetricsRecorder } from '@ots/monitoring';
import { TrustViewService } from '@ots/trust';
import type { DocumentPayload } from './document-types.js';
import { verifyDocumentChain } from './document-verifier.js';
import { BatchTooLargeError } from './documents.errors.js';
import { StatusListService } from './status-list.service.js';

export const MAX_BATCH = 1000;

export interface DocumentVerification {
  valid: boolean;
  reason: VerificationReason;
  /** False when the status list could not be read; `valid` then follows STATUS_UNKNOWN_POLICY. */
  statusChecked: boolean;
  issuerCountry: string | null;
  documentType: string | null;
  subject: string | null;
  jti: string | null;
  issuedAt: Date | null;
  expiresAt: Date | null;
  claims: Record<string, unknown> | null;
}

/**
 * Verifies documents against the trust store. Never throws for a document:
 * every malformed or hostile input ends as a PROTOCOL reason. The only
 * network call is the issuer's status list, cached.
 */
@Injectable()
export class DocumentVerificationService {
  private readonly logger = new Logger(DocumentVerificationService.name);

  constructor(
    private readonly trust: TrustViewService,
    private readonly statusLists: StatusListService,
    private readonly config: NodeConfig,
    private readonly recorder: MetricsRecorder,
  ) {}

  async verify(jws: string): Promise<DocumentVerification> {
    return this.verifyWith(jws, await this.trust.current());
  }

  async verifyMany(documents: string[]): Promise<DocumentVerification[]> {
    if (documents.length > MAX_BATCH)
      throw new BatchTooLargeError(`at most ${MAX_BATCH} documents per call`, { max: MAX_BATCH, given: documents.length });
    const view = await this.trust.current();
    return Promise.all(documents.map((jws) => this.verifyWith(jws, view)));
  }

  private async verifyWith(jws: string, view: TrustView): Promise<DocumentVerification> {
    const verification = await this.verifyChain(jws, view);
    this.recorder.documentVerified(verification.reason);
    return verification;
  }

  private async verifyChain(jws: string, view: TrustView): Promise<DocumentVerification> {
    const now = Math.floor(Date.now() / 1000);
    let payload: DocumentPayload;
    try {
      ({ payload } = await verifyDocumentChain(jws, view, now));
    } catch (err) {
      if (err instanceof JwsVerificationError) return result(err.reason, false, true, undefined);
      this.logger.warn(`unexpected verification failure: ${(err as Error).message}`);
      return result('MALFORMED', false, true, undefined);
    }
    const issuer = view.issuer(payload.iss);
    const status = issuer ? await this.statusLists.statusOf(payload, issuer) : 'unknown';
    if (status === 'revoked') return result('DOCUMENT_REVOKED', false, true, payload);
    if (status === 'unknown') return result('OK', this.config.statusUnknownPolicy === 'accept', false, payload);
    return result('OK', true, true, payload);
  }
}

/** The decoded content is shown only for a document whose whole chain verified. */
function result(
  reason: VerificationReason,
  valid: boolean,
  statusChecked: boolean,
  payload: DocumentPayload | undefined,
): DocumentVerification {
  const show = payload !== undefined;
  return {
    valid,
    reason,
    statusChecked,
    issuerCountry: show ? payload.iss : null,
    documentType: show ? payload.doc_type : null,
    subject: show ? payload.sub : null,
    jti: show ? payload.jti : null,
    issuedAt: show ? new Date(payload.iat * 1000) : null,
    expiresAt: show ? new Date(payload.exp * 1000) : null,
    claims: show ? payload.claims : null,
  };
}
