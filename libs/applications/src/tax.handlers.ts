import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MessagingService, parseMessageBody, type AfterCommit, type EnvelopePayload } from '@ots/messaging';
import { certificateBody, tinBody } from './tax.commands.js';
import { TaxCertificateService } from './tax-certificate.service.js';
import { TaxpayerCheckService } from './taxpayer-check.service.js';

/**
 * The tax messages partners send (docs/protocol section 7), as thin adapters:
 * each body is validated into a command naming the sending partner, then
 * handed to the certificate or the taxpayer-check side.
 */
@Injectable()
export class TaxHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly certificates: TaxCertificateService,
    private readonly checks: TaxpayerCheckService,
  ) {}

  onModuleInit(): void {
    this.messaging.registerHandler('tax.residence-certificate', (m) => this.certificate(m));
    this.messaging.registerHandler('tax.tin-verification', (m) => this.tinVerification(m));
  }

  /** A certificate a partner issued to one of its residents, for treaty relief here. */
  certificate(message: EnvelopePayload): Promise<(manager: EntityManager) => Promise<void>> {
    return this.certificates.receive({ ...parseMessageBody(certificateBody, message), partner: message.iss });
  }

  /** Either a partner's question about a taxpayer number, or its answer to one of ours. */
  tinVerification(message: EnvelopePayload): Promise<(manager: EntityManager) => Promise<AfterCommit | void>> {
    const body = parseMessageBody(tinBody, message);
    return body.kind === 'request'
      ? this.checks.answer({ ...body, partner: message.iss })
      : this.checks.recordAnswer({ ...body, partner: message.iss });
  }
}
