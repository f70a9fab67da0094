export const ROLES = ['citizen', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: taken from a verified bearer token, never from an argument. */
export interface Principal {
  /** Scheme-qualified person id for citizens (`KZ:IIN:900101300123`), staff id for officers and admins. */
  subject: string;
  roles: Role[];
  issuer: string;
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
