import { Injectable } from '@nestjs/common';
import { parseInput } from '@ots/config';
import type { Principal } from '@ots/identity';
import { restrictServicesCommand, TrustAnchorService, type TrustAnchorEntity } from '@ots/trust';
import { ServiceNotFoundError } from './registry.errors.js';
import { RegistryService } from './registry.service.js';

/**
 * Which of this node's services a partner's citizens may use. The restriction names services of this node's own
 * catalog (the destination checks an arriving application against it), so a code the catalog does not have is
 * refused here rather than stored as a restriction that can never match.
 */
@Injectable()
export class PartnerServicesService {
  constructor(
    private readonly registry: RegistryService,
    private readonly trust: TrustAnchorService,
  ) {}

  async restrict(input: unknown, principal: Principal): Promise<TrustAnchorEntity> {
    const command = parseInput(restrictServicesCommand, input);
    const unknown: string[] = [];
    for (const code of command.services ?? []) {
      await this.registry.service(code, 'en').catch((err: unknown) => {
        if (!(err instanceof ServiceNotFoundError)) throw err;
        unknown.push(code);
      });
    }
    if (unknown.length > 0) {
      const codes = unknown.join(', ');
      throw new ServiceNotFoundError(`restriction names services this node does not offer: ${codes}`, { code: codes });
    }
    return this.trust.restrictServices(command, principal);
  }
}
