import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { closedSetEnum, KeyRevocationReasonEnum } from '@ots/graphql-api';
import type { KeyRevocationReason } from '@ots/jws';
import { CurrentPrincipal, Roles, type Principal } from '@ots/identity';
import { KeyRotationService } from './key-rotation.service.js';

/** What a node running without its root asks the offline root to certify (docs/key-requests.md). */
const KeyRequestKindEnum = closedSetEnum(
  'KeyRequestKind',
  ['signer', 'encryption', 'entity-configuration', 'revocation'] as const,
  "A new signer or encryption key to certify, or today's entity configuration or historical keys (revocations) to sign.",
);

/** Own key rotation for admins; `fedctl keys ...` calls these. Each returns the thumbprint concerned. */
@Resolver()
@Roles('admin')
export class KeysResolver {
  constructor(private readonly rotation: KeyRotationService) {}

  @Mutation(() => String, { description: 'New signer key and certificate; documents signed before stay valid until they expire.' })
  rotateSignerKey(@CurrentPrincipal() principal: Principal): Promise<string> {
    return this.rotation.rotateSigner(principal);
  }

  @Mutation(() => String, { description: 'Adds a second root key, announced in the entity configuration signed by the current root.' })
  addRootKey(@CurrentPrincipal() principal: Principal): Promise<string> {
    return this.rotation.addRoot(principal);
  }

  @Mutation(() => String, {
    description:
      "Revokes one of this node's signer, encryption or log keys (reason compromised or superseded), replacing it if current; published in the historical keys.",
  })
  revokeOwnKey(
    @Args('thumbprint') thumbprint: string,
    @Args('reason', { type: () => KeyRevocationReasonEnum }) reason: KeyRevocationReason,
    @CurrentPrincipal() principal: Principal,
  ): Promise<string> {
    return this.rotation.revokeKey({ thumbprint, reason }, principal);
  }

  @Mutation(() => String, {
    description:
      'Moves the root private key off this node (file backend) and returns it as a JWK (JSON), once; renewals then go through keyRequest / importKeyResponse.',
  })
  async exportRootKey(@CurrentPrincipal() principal: Principal): Promise<string> {
    return JSON.stringify(await this.rotation.exportRoot(principal));
  }

  @Mutation(() => String, {
    description:
      "Generates a new key pair in the backend, kept pending (ENTITY_CONFIGURATION, REVOCATION: takes today's statement), and returns the request (JSON, docs/key-requests.md) for the offline root to sign.",
  })
  keyRequest(
    @Args('kind', { type: () => KeyRequestKindEnum }) kind: 'signer' | 'encryption' | 'entity-configuration' | 'revocation',
    @CurrentPrincipal() principal: Principal,
  ): Promise<string> {
    return this.rotation.requestKey(kind, principal);
  }

  @Mutation(() => String, {
    description:
      'Installs a response signed by the offline root (JSON) after checking it against its pending request and the root public key; returns the new key thumbprint (for an entity configuration, the root thumbprint).',
  })
  importKeyResponse(@Args('response') response: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.rotation.importResponse(response, principal);
  }

  @Mutation(() => String, {
    description: 'Retires a root key once partners have followed the new one; keys are re-certified under the remaining root.',
  })
  retireRootKey(@Args('thumbprint') thumbprint: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.rotation.retireRoot(thumbprint, principal);
  }
}
