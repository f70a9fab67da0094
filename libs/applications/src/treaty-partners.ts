import { Injectable } from '@nestjs/common';
import { FederationConfig, NodeConfig } from '@ots/config';
import { PartnerDirectory, PartnerNotTrustedError } from '@ots/messaging';

/** Who tax information may go to: a member state other than this one that is an active trusted partner. */
@Injectable()
export class TreatyPartners {
  constructor(
    private readonly partners: PartnerDirectory,
    private readonly config: NodeConfig,
    private readonly federation: FederationConfig,
  ) {}

  /** PARTNER_NOT_TRUSTED unless `country` is one. */
  async requireActive(country: string): Promise<void> {
    if (!this.federation.country(country) || country === this.config.countryCode || !(await this.partners.partner(country))) {
      throw new PartnerNotTrustedError(`${country} is not an active trusted partner`, { country });
    }
  }
}
