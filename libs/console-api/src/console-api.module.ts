import { Module } from '@nestjs/common';
import { IdentityModule } from '@ots/identity';
import { KeysModule } from '@ots/keys';
import { EntityConfigurationClient, TrustModule } from '@ots/trust';
import { ConsoleApiResolver } from './console-api.resolver.js';
import { FederationOverviewService } from './federation-overview.service.js';
import { InboxService } from './inbox.service.js';
import { MessageFeedEndpoint } from './message-feed.endpoint.js';
import { MessageFeedService } from './message-feed.service.js';
import { PartnerInspectionService } from './partner-inspection.service.js';

/** What only the operator console asks: the federation overview, the trust ceremony's inspection, the live feed. */
@Module({
  imports: [IdentityModule, KeysModule, TrustModule],
  providers: [
    EntityConfigurationClient,
    FederationOverviewService,
    InboxService,
    PartnerInspectionService,
    MessageFeedService,
    MessageFeedEndpoint,
    ConsoleApiResolver,
  ],
})
export class ConsoleApiModule {}
