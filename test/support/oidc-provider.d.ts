/** The few parts of oidc-provider (no types published for it here) the OIDC browser test configures. */
declare module 'oidc-provider' {
  import type { Server } from 'node:http';

  type Context = unknown;
  export interface Configuration {
    clients: Record<string, unknown>[];
    jwks: { keys: Record<string, unknown>[] };
    pkce?: { required: () => boolean };
    clientBasedCORS?: (ctx: Context, origin: string) => boolean;
    ttl?: Record<string, number>;
    findAccount: (ctx: Context, id: string) => { accountId: string; claims: () => Record<string, unknown> };
    extraTokenClaims?: (ctx: Context, token: unknown) => Record<string, unknown>;
    features?: Record<string, unknown>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    listen(port: number): Server;
  }
}
