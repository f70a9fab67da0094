import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { NodeConfig } from '@ots/config';
import { AuthGuard } from './auth.guard.js';
import { openDevIdentityKey } from './dev-identity-provider.js';
import { RequestAuthenticator } from './request-authenticator.service.js';
import { TokenVerifier } from './token-verifier.service.js';

@Module({
  providers: [TokenVerifier, RequestAuthenticator, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier, RequestAuthenticator],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly config: NodeConfig,
    private readonly tokens: TokenVerifier,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.devIdentityProvider) {
      this.tokens.trustDevelopmentProvider(
        this.config.countryCode,
        await openDevIdentityKey(this.config.dataDir, this.config.countryCode, true),
      );
    }
  }
}
