import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Language } from '@ots/config';
import { IssuedDocumentView } from '@ots/documents';
import { DocTypeEnum, langArg, type Connection } from '@ots/graphql-api';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import { CurrentRequestContext, traceparentOf, type RequestContext } from '@ots/request-context';
import { AcceptLanguage, I18nService, type MessageKey } from '@ots/i18n';
import type { ApplicationEntity } from './application.entities.js';
import { describeFailure } from './case-failure.js';
import {
  ApplicationConnection,
  ApplyAbroadInput,
  ApplicationView,
  CaseDecisionEnum,
  CaseFilterInput,
  EvidenceRequestView,
  HeldDocumentConnection,
  HeldDocumentView,
  ReceivedTaxCertificateConnection,
  ReceivedTaxCertificateView,
  RecordPaging,
  TaxpayerCheckConnection,
  TaxpayerCheckFilterInput,
  TaxpayerCheckView,
} from './applications.types.js';
import { DestinationCaseService } from './destination-case.service.js';
import { HomeApplicationService } from './home-application.service.js';
import { HomeEvidenceService } from './home-evidence.service.js';
import { TaxCertificateService } from './tax-certificate.service.js';
import { TaxpayerCheckService } from './taxpayer-check.service.js';

/** Citizens see only their own applications and documents; officers only the cases addressed to their country. */
@Resolver()
export class ApplicationsResolver {
  constructor(
    private readonly home: HomeApplicationService,
    private readonly evidence: HomeEvidenceService,
    private readonly destination: DestinationCaseService,
    private readonly certificates: TaxCertificateService,
    private readonly checks: TaxpayerCheckService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('citizen')
  @Mutation(() => ApplicationView, { description: 'Applies, through this (home) node, for a service of another member state.' })
  async applyAbroad(
    @Args('input') input: ApplyAbroadInput,
    @CurrentPrincipal() principal: Principal,
    @Args(langArg) lang: string | undefined,
    @AcceptLanguage() accept: string | undefined,
    @CurrentRequestContext() context?: RequestContext,
  ) {
    return this.view(await this.home.applyAbroad(input, principal, traceparentOf(context)), this.i18n.resolve(lang, accept));
  }

  @Roles('citizen')
  @Query(() => ApplicationConnection, { description: "The citizen's applications, newest first." })
  async myApplications(
    @CurrentPrincipal() principal: Principal,
    @Args() paging: RecordPaging,
    @Args(langArg) lang: string | undefined,
    @AcceptLanguage() accept: string | undefined,
  ): Promise<Connection<ApplicationView>> {
    const language = this.i18n.resolve(lang, accept);
    return this.views(await this.home.myApplications(principal, paging), language);
  }

  @Roles('citizen')
  @Mutation(() => ApplicationView)
  async withdrawApplication(
    @Args('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Args(langArg) lang: string | undefined,
    @AcceptLanguage() accept: string | undefined,
    @CurrentRequestContext() context?: RequestContext,
  ) {
    return this.view(await this.home.withdraw({ id }, principal, traceparentOf(context)), this.i18n.resolve(lang, accept));
  }

  @Roles('citizen')
  @Query(() => [EvidenceRequestView], {
    description: 'Requests for documents outside the recorded consent, with a preview of what would be sent.',
  })
  async pendingEvidenceRequests(@CurrentPrincipal() principal: Principal): Promise<EvidenceRequestView[]> {
    const requests = await this.evidence.pendingEvidenceRequests(principal);
    return Promise.all(requests.map(async (r) => ({ ...r, preview: await this.evidence.previewEvidence(r, principal) })));
  }

  @Roles('citizen')
  @Mutation(() => EvidenceRequestView)
  async answerEvidenceRequest(
    @Args('id') id: string,
    @Args('approve') approve: boolean,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequestContext() context?: RequestContext,
  ): Promise<EvidenceRequestView> {
    const answered = await this.evidence.answerEvidenceRequest({ requestId: id, approve }, principal, traceparentOf(context));
    return { ...answered, preview: null };
  }

  @Roles('citizen')
  @Query(() => HeldDocumentConnection, { description: "The citizen's documents, newest first, each verified now." })
  myDocuments(@CurrentPrincipal() principal: Principal, @Args() paging: RecordPaging): Promise<Connection<HeldDocumentView>> {
    return this.home.myDocuments(principal, paging);
  }

  @Roles('officer')
  @Query(() => ApplicationConnection, { description: "Cases addressed to this node's country, newest first (officer)." })
  async cases(
    @Args('filter', { type: () => CaseFilterInput, nullable: true }) filter: CaseFilterInput | null,
    @Args() paging: RecordPaging,
    @Args(langArg) lang: string | undefined,
    @AcceptLanguage() accept: string | undefined,
  ): Promise<Connection<ApplicationView>> {
    const language = this.i18n.resolve(lang, accept);
    return this.views(await this.destination.list({ status: filter?.status ?? undefined }, paging), language);
  }

  @Roles('officer', 'admin')
  @Query(() => ApplicationConnection, {
    description:
      "This node's citizens' applications whose message the destination refused or that died in the outbox, newest first (officer, admin).",
  })
  async undeliveredApplications(
    @Args() paging: RecordPaging,
    @Args(langArg) lang: string | undefined,
    @AcceptLanguage() accept: string | undefined,
  ): Promise<Connection<ApplicationView>> {
    const language = this.i18n.resolve(lang, accept);
    return this.views(await this.home.undelivered(paging), language);
  }

  @Roles('officer')
  @Mutation(() => ApplicationView, { description: 'Asks the home node for another document (officer).' })
  async requestEvidence(
    @Args('caseId') caseId: string,
    @Args('docType', { type: () => DocTypeEnum }) docType: string,
    @CurrentPrincipal() principal: Principal,
    @Args(langArg) lang: string | undefined,
    @AcceptLanguage() accept: string | undefined,
    @CurrentRequestContext() context?: RequestContext,
  ) {
    return this.view(
      await this.destination.requestEvidence({ caseId, docType }, principal, traceparentOf(context)),
      this.i18n.resolve(lang, accept),
    );
  }

  @Roles('officer')
  @Mutation(() => ApplicationView, { description: 'Approves (issuing the permit) or rejects a case (officer).' })
  async decideCase(
    @Args('id') id: string,
    @Args('decision', { type: () => CaseDecisionEnum }) decision: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
    @Args(langArg) lang: string | undefined,
    @AcceptLanguage() accept: string | undefined,
    @CurrentRequestContext() context?: RequestContext,
  ) {
    return this.view(
      await this.destination.decide({ id, decision, reason }, principal, traceparentOf(context)),
      this.i18n.resolve(lang, accept),
    );
  }

  @Roles('citizen')
  @Mutation(() => IssuedDocumentView, {
    description: 'Issues a tax residence certificate from the records, with no officer, and delivers it to the treaty partner.',
  })
  requestTaxResidenceCertificate(
    @Args('year', { type: () => Int }) year: number,
    @Args('forCountry') forCountry: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.certificates.request({ year, forCountry }, principal);
  }

  @Roles('officer')
  @Mutation(() => TaxpayerCheckView, {
    description: 'Asks a partner whether a taxpayer number is valid and resident; nothing else comes back.',
  })
  verifyTaxpayer(
    @Args('country') country: string,
    @Args('tin') tin: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequestContext() context?: RequestContext,
  ): Promise<TaxpayerCheckView> {
    return this.checks.verifyTaxpayer({ country, tin }, principal, traceparentOf(context));
  }

  @Roles('officer')
  @Mutation(() => [TaxpayerCheckView], {
    description: 'Asks a partner about up to 1000 taxpayer numbers at once; the checks come back pending, read them with taxpayerChecks.',
  })
  verifyTaxpayers(
    @Args('country') country: string,
    @Args('tins', { type: () => [String] }) tins: string[],
    @CurrentPrincipal() principal: Principal,
    @CurrentRequestContext() context?: RequestContext,
  ): Promise<TaxpayerCheckView[]> {
    return this.checks.verifyTaxpayers({ country, tins }, principal, traceparentOf(context));
  }

  @Roles('officer')
  @Query(() => TaxpayerCheckConnection, { description: 'Taxpayer checks this node asked, newest first, filtered (officer).' })
  taxpayerChecks(
    @Args('filter', { type: () => TaxpayerCheckFilterInput, nullable: true }) filter: TaxpayerCheckFilterInput | null,
    @Args() paging: RecordPaging,
  ): Promise<Connection<TaxpayerCheckView>> {
    return this.checks.checks(filter ?? {}, paging);
  }

  @Roles('officer')
  @Query(() => TaxpayerCheckView)
  taxpayerCheck(@Args('requestId') requestId: string): Promise<TaxpayerCheckView> {
    return this.checks.check({ requestId });
  }

  @Roles('officer')
  @Query(() => ReceivedTaxCertificateConnection, {
    description: 'Tax residence certificates partners delivered, verified, for treaty relief, newest first (officer).',
  })
  async receivedTaxCertificates(@Args() paging: RecordPaging): Promise<Connection<ReceivedTaxCertificateView>> {
    const page = await this.certificates.received(paging);
    return {
      ...page,
      edges: page.edges.map(({ cursor, node: r }) => ({
        cursor,
        node: {
          jti: r.id,
          country: r.country,
          subject: r.subject,
          taxYear: Number((r.detail as { taxYear?: number }).taxYear ?? 0),
          receivedAt: r.createdAt,
          claims: (r.detail as { claims?: Record<string, unknown> }).claims ?? {},
        },
      })),
    };
  }

  private views(page: Connection<ApplicationEntity>, lang: Language): Connection<ApplicationView> {
    return { ...page, edges: page.edges.map(({ cursor, node }) => ({ cursor, node: this.view(node, lang) })) };
  }

  private view(application: ApplicationEntity, lang: Language): ApplicationView {
    const label = (status: string, language: Language) => this.i18n.text(`CASE_STATUS_${status}` as MessageKey, language);
    return {
      ...application,
      statusLabel: label(application.status, lang),
      statusLabelRu: label(application.status, 'ru'),
      failure: application.failure
        ? {
            ...application.failure,
            at: new Date(application.failure.at),
            message: describeFailure(application.failure, application, {
              knows: (key) => this.i18n.knows(key),
              render: (key, params) => this.i18n.errorMessage(key, params, lang),
            }),
          }
        : null,
      documents: application.documents.map(({ docType, jti, reason }) => ({ docType, jti, reason })),
      timeline: application.timeline.map((e) => ({
        status: e.status,
        label: label(e.status, lang),
        labelRu: label(e.status, 'ru'),
        at: new Date(e.at),
        note: e.note ?? null,
      })),
    };
  }
}
