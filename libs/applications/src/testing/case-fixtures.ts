import { ApplicationEntity, EvidenceRequestEntity } from '../application.entities.js';
import { HomeApplicationService } from '../home-application.service.js';
import type { InProcessNode } from './in-process-federation.js';

/** A KZ citizen of federation-config/citizens/KZ.json and a valid form of TR-RP-WORK. */
export const KZ_CITIZEN = 'KZ:IIN:900101300123';
export const OTHER_KZ_CITIZEN = 'KZ:IIN:850515400234';
export const WORK_FORM = { purpose: 'Software engineer at an Istanbul firm', intendedStayMonths: 12, permitKind: 'first' };
export const TR_OFFICER = 'TR:OFFICER:7';

/** The tables a case command writes to: a refused one leaves every count as it was. */
export const CASE_TABLES = [
  'application',
  'evidence_request',
  'citizen_document',
  'issued_document',
  'outbox_message',
  'inbox_message',
  'audit_entry',
] as const;

/** The KZ citizen applies for TR-RP-WORK through KZ, and TR receives the application (under review at both ends). */
export async function applyFromKzToTr(kz: InProcessNode, tr: InProcessNode, consent: string[] = []): Promise<ApplicationEntity> {
  const application = await kz
    .get(HomeApplicationService)
    .applyAbroad({ country: 'TR', serviceCode: 'TR-RP-WORK', form: WORK_FORM, consent }, kz.principal(KZ_CITIZEN, 'citizen'));
  await kz.relayTo(tr, 'application.submit', (body) => body.applicationId === application.id);
  await tr.relayTo(kz, 'application.status', (body) => body.applicationId === application.id);
  return application;
}

export const caseAt = (node: InProcessNode, id: string): Promise<ApplicationEntity> =>
  node.dataSource.getRepository(ApplicationEntity).findOneByOrFail({ id });

export const evidenceRequestsAt = (node: InProcessNode, applicationId: string): Promise<EvidenceRequestEntity[]> =>
  node.dataSource.getRepository(EvidenceRequestEntity).findBy({ applicationId });
