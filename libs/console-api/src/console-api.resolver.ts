import { Args, ArgsType, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { closedSetEnum, connectionOf, pagingArgs, type Connection } from '@ots/graphql-api';
import { Roles } from '@ots/identity';
import { KEY_CHANGE_BLOCKS, KEY_CHANGES, KeyStore, previewKeyChange, type KeyChange, type PreviewedKey } from '@ots/keys';
import { MessageTypeEnum, ReceiptView, receiptView } from '@ots/messaging';
import { TrustAnchorStatusEnum } from '@ots/trust';
import { FederationOverviewService } from './federation-overview.service.js';
import { INBOX_PAGES, InboxService } from './inbox.service.js';
import { PartnerInspectionService } from './partner-inspection.service.js';

/** What each of the node's own keys is for, as the console names them. */
export const OWN_KEY_KINDS = ['root', 'signer', 'encryption', 'log'] as const;
export type OwnKeyKind = (typeof OWN_KEY_KINDS)[number];
export const OwnKeyKindEnum = closedSetEnum(
  'OwnKeyKind',
  OWN_KEY_KINDS,
  "What one of this node's keys is for: the offline ROOT, the SIGNER of documents and messages, ENCRYPTION of messages to it, the transparency LOG.",
);

/** The key file's role names (`enc`) to the kinds the schema shows. */
const KIND: Record<'root' | 'signer' | 'enc' | 'log', OwnKeyKind> = { root: 'root', signer: 'signer', enc: 'encryption', log: 'log' };

@ObjectType('MessageTally')
export class MessageTallyView {
  @Field(() => Int)
  pending: number;

  @Field(() => Int)
  delivered: number;

  @Field(() => Int)
  dead: number;
}

@ObjectType('PartnerOverview', { description: 'One partner as this node sees it now.' })
export class PartnerOverviewView {
  @Field()
  country: string;

  @Field()
  baseUrl: string;

  @Field(() => TrustAnchorStatusEnum)
  trustStatus: string;

  @Field({ description: 'Last accepted entity configuration.' })
  refreshedAt: Date;

  @Field({ description: 'Whether the partner answered its readiness check just now.' })
  reachable: boolean;

  @Field(() => Int, { nullable: true, description: "Partner's clock minus this node's, in seconds (from its Date header)." })
  clockDifferenceSeconds: number | null;

  @Field(() => MessageTallyView, { description: 'Messages this node sends the partner, by state.' })
  outbound: MessageTallyView;

  @Field(() => Int, { description: 'Messages received from the partner and receipted.' })
  inboundReceived: number;
}

@ObjectType('FederationOverview', { description: "This node and each partner: the console's Federation page." })
export class FederationOverviewView {
  @Field()
  country: string;

  @Field()
  publicBaseUrl: string;

  @Field(() => MessageTallyView)
  outbound: MessageTallyView;

  @Field(() => Int)
  inboundReceived: number;

  @Field(() => [PartnerOverviewView])
  partners: PartnerOverviewView[];
}

@ObjectType('PartnerInspection', { description: "A partner's entity configuration as fetched by this node, not yet trusted." })
export class PartnerInspectionView {
  @Field()
  country: string;

  @Field()
  baseUrl: string;

  @Field(() => [String], { description: 'RFC 7638 thumbprints of the root keys it announces: what the admins compare.' })
  rootKeyThumbprints: string[];

  @Field({ description: 'The root key that signed it.' })
  signedBy: string;

  @Field()
  expiresAt: Date;

  @Field(() => TrustAnchorStatusEnum, { nullable: true, description: 'What this node holds for the country today; null: no anchor.' })
  trustStatus: string | null;
}

@ObjectType('InboxMessage', { description: 'A message this node received and receipted.' })
export class InboxMessageView {
  @Field()
  sender: string;

  @Field()
  jti: string;

  @Field(() => MessageTypeEnum)
  msgType: string;

  @Field()
  receivedAt: Date;

  @Field({ description: 'The signed receipt this node answered with.' })
  receipt: string;

  @Field(() => ReceiptView, { description: 'That receipt read.' })
  receiptClaims: ReceiptView;
}

@ObjectType('OwnKey', { description: "One of this node's own keys, public facts only." })
export class OwnKeyView {
  @Field(() => OwnKeyKindEnum)
  kind: OwnKeyKind;

  @Field({ description: 'RFC 7638 thumbprint (the kid).' })
  thumbprint: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  retiredAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of its certificate; null for root keys.' })
  validTo: Date | null;

  @Field(() => Int, { nullable: true, description: 'Whole days until validTo (negative once past).' })
  daysLeft: number | null;
}

export const KeyChangeEnum = closedSetEnum(
  'KeyChange',
  KEY_CHANGES,
  'A change of own keys an admin can preview: ROTATE_SIGNER (rotateSignerKey), ADD_ROOT (addRootKey), RETIRE_ROOT (retireRootKey).',
);
export const KeyChangeBlockEnum = closedSetEnum(
  'KeyChangeBlock',
  KEY_CHANGE_BLOCKS,
  'Why the change would be refused: two roots are active already, the root is the only one, or it is not an active root.',
);

@ObjectType('PreviewedKey', { description: 'A key a change adds (no thumbprint yet: it is generated then) or retires.' })
export class PreviewedKeyView {
  @Field(() => OwnKeyKindEnum)
  kind: OwnKeyKind;

  @Field(() => String, { nullable: true, description: 'Null for a key the change generates.' })
  thumbprint: string | null;

  @Field(() => Date, { nullable: true, description: "A new certificate's start; null for roots and retiring keys." })
  validFrom: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of its certificate; null for root keys.' })
  validTo: Date | null;

  @Field(() => String, { nullable: true, description: 'The root that certifies a new signer, encryption or log key.' })
  certifiedBy: string | null;
}

@ObjectType('KeyChangePreview', {
  description: 'What partners will see once the change is done (entity configuration and JWKS); nothing is changed by asking.',
})
export class KeyChangePreviewView {
  @Field(() => KeyChangeEnum)
  change: string;

  @Field(() => KeyChangeBlockEnum, { nullable: true, description: 'Set when the change would be refused; then nothing would change.' })
  blockedBy: string | null;

  @Field(() => [PreviewedKeyView], { description: 'Keys that appear in the published JWKS.' })
  added: PreviewedKeyView[];

  @Field(() => [PreviewedKeyView], {
    description: 'Keys that leave the JWKS; kept in the historical keys, so what they signed verifies until it expires.',
  })
  retiring: PreviewedKeyView[];

  @Field(() => [String], { description: 'Root thumbprints the entity configuration announces afterwards, besides a new one.' })
  rootsKept: string[];

  @Field({ description: 'The root that signs the entity configuration afterwards.' })
  signedBy: string;
}

const asDate = (seconds: number | null): Date | null => (seconds === null ? null : new Date(seconds * 1000));
const previewed = (k: PreviewedKey): PreviewedKeyView => ({
  kind: KIND[k.role],
  thumbprint: k.kid,
  validFrom: asDate(k.validFrom),
  validTo: asDate(k.validTo),
  certifiedBy: k.certifiedBy,
});

@ObjectType()
export class InboxMessageConnection extends connectionOf(InboxMessageView, 'InboxMessage') {}

@ArgsType()
export class InboxPaging extends pagingArgs(INBOX_PAGES) {}

@Resolver()
export class ConsoleApiResolver {
  constructor(
    private readonly overview: FederationOverviewService,
    private readonly inspection: PartnerInspectionService,
    private readonly inboxes: InboxService,
    private readonly keys: KeyStore,
  ) {}

  @Roles('admin')
  @Query(() => [OwnKeyView], {
    description: "This node's root, signer, encryption and log keys with their certificates' validity (admin).",
  })
  ownKeys(): OwnKeyView[] {
    const now = Date.now();
    return this.keys.describe().map((k) => ({
      kind: KIND[k.role],
      thumbprint: k.kid,
      createdAt: new Date(k.createdAt),
      retiredAt: k.retiredAt ? new Date(k.retiredAt) : null,
      validTo: k.certificateExpiresAt ? new Date(k.certificateExpiresAt * 1000) : null,
      daysLeft: k.certificateExpiresAt ? Math.floor((k.certificateExpiresAt * 1000 - now) / 86_400_000) : null,
    }));
  }

  @Roles('admin')
  @Query(() => KeyChangePreviewView, {
    description: 'What a signer rotation or root rollover would publish to partners, before it is done (admin).',
  })
  keyChangePreview(
    @Args('change', { type: () => KeyChangeEnum }) change: KeyChange,
    @Args('rootThumbprint', { type: () => String, nullable: true, description: 'The root RETIRE_ROOT would retire.' })
    rootThumbprint: string | null,
  ): KeyChangePreviewView {
    const preview = previewKeyChange(this.keys.describe(), change, Math.floor(Date.now() / 1000), rootThumbprint ?? undefined);
    return { ...preview, added: preview.added.map(previewed), retiring: preview.retiring.map(previewed) };
  }

  @Roles('admin')
  @Query(() => FederationOverviewView, { description: 'This node and every partner: trust, reachability, clock, messages (admin).' })
  federationOverview(): Promise<FederationOverviewView> {
    return this.overview.overview();
  }

  @Roles('admin')
  @Query(() => PartnerInspectionView, {
    description: "Fetches and checks a partner's entity configuration for the trust ceremony; nothing is stored (admin).",
  })
  inspectPartner(@Args('baseUrl') baseUrl: string): Promise<PartnerInspectionView> {
    return this.inspection.inspect(baseUrl);
  }

  @Roles('admin')
  @Query(() => InboxMessageConnection, { description: 'Messages received, newest first (admin).' })
  async inbox(@Args() paging: InboxPaging): Promise<Connection<InboxMessageView>> {
    const page = await this.inboxes.page(paging);
    return {
      pageInfo: page.pageInfo,
      edges: page.edges.map(({ cursor, node: m }) => ({
        cursor,
        node: {
          sender: m.iss,
          jti: m.jti,
          msgType: m.msgType,
          receivedAt: m.receivedAt,
          receipt: m.receipt,
          receiptClaims: receiptView(m.receipt),
        },
      })),
    };
  }
}
