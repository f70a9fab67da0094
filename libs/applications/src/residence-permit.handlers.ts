import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService, parseMessageBody, type EnvelopePayload } from '@ots/messaging';
import type { CaseWrite } from './case-store.js';
import { DestinationCaseService } from './destination-case.service.js';
import { HomeApplicationService } from './home-application.service.js';
import { HomeEvidenceService } from './home-evidence.service.js';
import { decisionBody, evidenceRequestBody, evidenceResponseBody, statusBody, submitBody } from './residence-permit.commands.js';

/**
 * The residence-permit messages partners send (docs/protocol section 7), as thin
 * adapters: each body is validated into a command naming the sending
 * partner (the envelope's verified issuer), then handed to the side of the
 * flow it concerns.
 */
@Injectable()
export class ResidencePermitHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly home: HomeApplicationService,
    private readonly evidence: HomeEvidenceService,
    private readonly destination: DestinationCaseService,
  ) {}

  onModuleInit(): void {
    this.messaging.registerHandler('application.submit', (m) => this.submit(m));
    this.messaging.registerHandler('application.status', (m) => this.status(m));
    this.messaging.registerHandler('application.decision', (m) => this.decision(m));
    this.messaging.registerHandler('evidence.request', (m) => this.evidenceRequest(m));
    this.messaging.registerHandler('evidence.response', (m) => this.evidenceResponse(m));
  }

  /** At the destination: an application from the applicant's home node. */
  submit(message: EnvelopePayload): Promise<CaseWrite> {
    return this.destination.receive({ ...parseMessageBody(submitBody, message), home: message.iss });
  }

  /** How a case moves: from the destination to the home node, or (only `withdrawn`) from the home node to the destination. */
  status(message: EnvelopePayload): Promise<CaseWrite> {
    const command = { ...parseMessageBody(statusBody, message), partner: message.iss };
    return command.status === 'withdrawn' ? this.destination.recordWithdrawal(command) : this.home.recordStatus(command);
  }

  /** At home: the destination's decision. */
  decision(message: EnvelopePayload): Promise<CaseWrite> {
    return this.home.recordDecision({ ...parseMessageBody(decisionBody, message), destination: message.iss });
  }

  /** At home: the destination asks for another document. */
  evidenceRequest(message: EnvelopePayload): Promise<CaseWrite> {
    return this.evidence.receiveRequest({ ...parseMessageBody(evidenceRequestBody, message), destination: message.iss });
  }

  /** At the destination: the home node's answer to an evidence request. */
  evidenceResponse(message: EnvelopePayload): Promise<CaseWrite> {
    return this.destination.recordEvidenceResponse({ ...parseMessageBody(evidenceResponseBody, message), home: message.iss });
  }
}
