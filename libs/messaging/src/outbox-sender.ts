import { Injectable } from '@nestjs/common';
import { FederationConfig, NodeConfig } from '@ots/config';
import { OtsError } from '@ots/errors';
import { MetricsRecorder } from '@ots/monitoring';
import { traceparentOf } from '@ots/request-context';
import { encryptEnvelope, verifyReceipt } from './envelope.js';
import type { OutboxMessageEntity } from './message.entities.js';
import { BadReceiptError, PartnerNotTrustedError, PartnerRefusedMessageError, SendFailedError } from './messaging.errors.js';
import { PartnerDirectory } from './partner-directory.service.js';
import { deliverToPartner } from './partner-deliver.js';

/** What one send came to: a verified receipt for the envelope sent, or why not. */
export type SendOutcome = { message: OutboxMessageEntity } & ({ receipt: string; envelope: string } | { error: OtsError });

/**
 * Sends one claimed message: encrypts its stored envelope to the partner's key from its accepted entity
 * configuration, delivers it and checks the receipt (the recipient's certified key, `aud`, `msg_jti`, the
 * digest of an envelope actually sent). Never throws: every failure is an outcome with a typed error.
 */
@Injectable()
export class OutboxSender {
  constructor(
    private readonly partners: PartnerDirectory,
    private readonly config: NodeConfig,
    private readonly federation: FederationConfig,
    private readonly recorder: MetricsRecorder,
  ) {}

  /** In the trace of the request that enqueued the message; the attempt and its outcome are counted. */
  async send(message: OutboxMessageEntity): Promise<SendOutcome> {
    return this.recorder.sending(this.config.countryCode, message, async (context) => {
      const outcome = await this.attempt(message, traceparentOf(context));
      if ('error' in outcome)
        this.recorder.messageFailed(
          message,
          outcome.error.code,
          outcome.error instanceof PartnerRefusedMessageError ? outcome.error.refusal : undefined,
          context,
        );
      else this.recorder.messageDelivered(message, context);
      return outcome;
    });
  }

  private async attempt(message: OutboxMessageEntity, traceparent: string | undefined): Promise<SendOutcome> {
    const envelope = message.envelope;
    try {
      if (!envelope) throw new SendFailedError(`message ${message.jti} was not given an envelope at claim`);
      const partner = await this.partners.partner(message.recipient);
      if (!partner)
        throw new PartnerNotTrustedError(`${message.recipient} is not an active trusted partner`, { country: message.recipient });
      const { receipt, clockNote } = await deliverToPartner(
        partner,
        encryptEnvelope(envelope, partner.encryptionKey),
        this.config.deliverTimeoutMs,
        this.federation.workingLanguage,
        traceparent,
      );
      try {
        await verifyReceipt(receipt, partner.trust, this.config.countryCode, message.jti, message.sentDigests);
      } catch (err) {
        throw new BadReceiptError(`${(err as Error).message}${clockNote}`, {}, { cause: err });
      }
      return { message, receipt, envelope };
    } catch (err) {
      return { message, error: err instanceof OtsError ? err : new SendFailedError((err as Error).message, {}, { cause: err }) };
    }
  }
}
