import type { ConsoleSettings } from '../api/settings';

/**
 * OpenID Connect authorization code flow with PKCE (S256) for a public client. Only the PKCE verifier, the state and
 * the page to come back to sit in sessionStorage across the redirect; the tokens stay in memory.
 */
const PENDING = 'ots-console-oidc-pending';

interface Pending {
  verifier: string;
  state: string;
  returnTo: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const random = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

export const redirectUri = (): string => `${location.origin}/console/callback`;

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery: HTTP ${response.status}`);
  return (await response.json()) as Discovery;
}

/** Leaves for the identity provider's login page. */
export async function startSignIn(settings: ConsoleSettings, returnTo: string): Promise<void> {
  if (!settings.oidc) throw new Error('no identity provider');
  const discovery = await discover(settings.oidc.issuer);
  const pending: Pending = { verifier: random(), state: random(), returnTo };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: settings.oidc.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: pending.state,
    resource: settings.audience,
  }).toString();
  location.assign(url.toString());
}

/** Back from the identity provider: trades the code for an access token; answers the token and the page to return to. */
export async function finishSignIn(settings: ConsoleSettings, query: URLSearchParams): Promise<{ token: string; returnTo: string }> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING);
  if (!settings.oidc || !pending) throw new Error('no sign-in under way');
  if (query.get('error')) throw new Error(query.get('error_description') ?? query.get('error') ?? 'refused');
  if (query.get('state') !== pending.state) throw new Error('state does not match');
  const code = query.get('code');
  if (!code) throw new Error('no code');
  const discovery = await discover(settings.oidc.issuer);
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: settings.oidc.clientId,
      code_verifier: pending.verifier,
      resource: settings.audience,
    }).toString(),
  });
  const answer = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !answer.access_token) throw new Error(answer.error_description ?? answer.error ?? `HTTP ${response.status}`);
  return { token: answer.access_token, returnTo: pending.returnTo };
}
