import { ArgsType, Args, Query, Resolver } from '@nestjs/graphql';
import type { Language } from '@ots/config';
import { RECORD_PAGES, langArg, pagingArgs, type Connection } from '@ots/graphql-api';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import { AcceptLanguage, I18nService, type MessageKey } from '@ots/i18n';
import type { DataUsageEntity } from './data-usage.entity.js';
import { DataUsageLedger } from './data-usage.ledger.js';
import { DataUsageConnection, type DataUsageView } from './data-usage.types.js';

@ArgsType()
class DataUsagePaging extends pagingArgs(RECORD_PAGES) {}

/** A citizen's own account of who used their data: only ever the caller's own. */
@Resolver()
export class DataUsageResolver {
  constructor(
    private readonly ledger: DataUsageLedger,
    private readonly i18n: I18nService,
  ) {}

  @Roles('citizen')
  @Query(() => DataUsageConnection, {
    description: "Every read of the citizen's register data and every document about them sent abroad, with its purpose, newest first.",
  })
  async myDataUsage(
    @CurrentPrincipal() principal: Principal,
    @Args() paging: DataUsagePaging,
    @Args(langArg) lang: string | undefined,
    @AcceptLanguage() accept: string | undefined,
  ): Promise<Connection<DataUsageView>> {
    const language = this.i18n.resolve(lang, accept);
    const page = await this.ledger.usageOf(principal.subject, paging);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: this.view(e.node, language) })) };
  }

  private view(row: DataUsageEntity, lang: Language): DataUsageView {
    const label = (key: string, fallback: string) => (this.i18n.knows(key) ? this.i18n.text(key as MessageKey, lang) : fallback);
    const purpose = this.i18n.text(`PURPOSE_${row.purposeKind}` as MessageKey, lang, {
      reference: row.purposeKind === 'case' ? row.purposeRef.slice(0, 8) : row.purposeRef,
      partner: row.partner ?? '',
    });
    const categories = row.categories.map((c) => label(`DATA_CATEGORY_${c}`, c)).join(', ');
    const documents = row.docTypes.map((d) => label(`DOC_TYPE_${d}`, d)).join(', ');
    const description =
      row.kind === 'read'
        ? this.i18n.text('DATA_USAGE_READ', lang, { categories, purpose })
        : this.i18n.text('DATA_USAGE_SENT', lang, { what: documents || categories, partner: row.partner ?? '', purpose });
    return {
      id: row.id,
      at: row.createdAt,
      kind: row.kind,
      purpose: row.purposeKind,
      purposeReference: row.purposeRef,
      partner: row.partner,
      categories: row.categories,
      documentTypes: row.docTypes,
      description,
    };
  }
}
