/** What the page shows of a session; the node verifies the token itself on every call and decides. */
export interface Session {
  token: string;
  subject: string;
  roles: string[];
  /** Milliseconds since the epoch. */
  expiresAt: number;
  via: 'development' | 'oidc';
}

/** Reads a JWT's claims for display only (who is signed in, until when): never a security decision. */
export function describeToken(token: string, via: Session['via']): Session {
  const part = token.split('.')[1] ?? '';
  const json = atob(
    part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '='),
  );
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as {
    sub?: string;
    roles?: unknown;
    exp?: number;
  };
  return {
    token,
    subject: claims.sub ?? '',
    roles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [],
    expiresAt: (claims.exp ?? 0) * 1000,
    via,
  };
}
