import type { Server } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopPage, launchChromium, screenshot } from './support/browser.js';
import { PORT_SHIFT, startNode, tempDataRoot, type RunningNode } from './support/processes.js';

const PROVIDER_PORT = 4960 + PORT_SHIFT;
const NODE_PORT = 4961 + PORT_SHIFT;
const ISSUER = `http://127.0.0.1:${PROVIDER_PORT}`;
const NODE_URL = `http://127.0.0.1:${NODE_PORT}`;
const CLIENT_ID = 'ots-console-kz';
const AUDIENCE = 'urn:ots:node:KZ';

/**
 * The console's production sign-in against a real OpenID provider (panva's oidc-provider) standing in for the
 * national identity provider: authorization code with PKCE, a public client, a JWT access token for this node's
 * audience carrying the roles. The node runs without DEV_IDP, so the development sign-in must be absent.
 */
describe('the console signing in with OpenID Connect', () => {
  let server: Server;
  let node: RunningNode;
  let browser: Browser;

  beforeAll(async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const provider = new Provider(ISSUER, {
      clients: [
        {
          client_id: CLIENT_ID,
          token_endpoint_auth_method: 'none',
          redirect_uris: [`${NODE_URL}/console/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-idp' }] },
      pkce: { required: () => true },
      // The console calls the token endpoint from its own origin, and only from there.
      clientBasedCORS: (_ctx, origin) => origin === NODE_URL,
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
      // The national provider says who is an admin: here, every login that starts with "admin".
      extraTokenClaims: (_ctx, token) => ({
        roles: String((token as { accountId?: string }).accountId).startsWith('admin') ? ['admin'] : [],
      }),
      features: {
        devInteractions: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => AUDIENCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, resource: string) => {
            if (resource !== AUDIENCE) throw new Error(`unknown resource ${resource}`);
            return { scope: 'openid', audience: AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } };
          },
        },
      },
    });
    server = provider.listen(PROVIDER_PORT);
    [node, browser] = await Promise.all([
      startNode({
        country: 'KZ',
        dataRoot: tempDataRoot('console-oidc'),
        port: NODE_PORT,
        env: { DEV_IDP: 'off', OIDC_ISSUER: ISSUER, OIDC_JWKS_URL: `${ISSUER}/jwks`, OIDC_CONSOLE_CLIENT_ID: CLIENT_ID },
      }),
      launchChromium(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await node?.stop();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('tells the page how to sign in, and lets it reach the provider', async () => {
    const settings = await (await fetch(`${NODE_URL}/console/settings.json`)).json();
    expect(settings).toMatchObject({ devSignIn: false, oidc: { issuer: ISSUER, clientId: CLIENT_ID }, audience: AUDIENCE });
    const policy = (await fetch(`${NODE_URL}/console/`)).headers.get('content-security-policy');
    expect(policy).toContain(`connect-src 'self' ${ISSUER}`);
    expect((await fetch(`${NODE_URL}/console/dev-sign-in`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('signs an admin in with PKCE, keeps the token out of storage, and the node accepts it', async () => {
    const page = await desktopPage(browser);
    await page.goto(`${NODE_URL}/console/federation`);
    expect(await page.getByTestId('dev-banner').count()).toBe(0);
    expect(await page.getByTestId('dev-sign-in').count()).toBe(0);
    await screenshot(page, 'oidc-sign-in');
    await page.getByTestId('oidc-sign-in').click();
    await page.waitForURL(`${ISSUER}/**`);
    await page.locator('input[name=login]').fill('admin-aigerim');
    await page.locator('input[name=password]').fill('any');
    await page.locator('button[type=submit]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${NODE_URL}/console/federation`);
    await page.getByTestId('this-node').waitFor();
    expect(await page.getByTestId('who').textContent()).toBe('admin-aigerim (admin)');
    const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })');
    expect(stored).not.toMatch(/eyJ/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('oidc-sign-in').waitFor();
  }, 60_000);

  it('gives a person without the admin role the node’s refusal, not the page', async () => {
    const page = await desktopPage(browser);
    await page.goto(`${NODE_URL}/console/federation`);
    await page.getByTestId('oidc-sign-in').click();
    await page.waitForURL(`${ISSUER}/**`);
    await page.locator('input[name=login]').fill('clerk-bolat');
    await page.locator('input[name=password]').fill('any');
    await page.locator('button[type=submit]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${NODE_URL}/console/federation`);
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().getAttribute('data-code')).toBe('FORBIDDEN');
  }, 60_000);
});
