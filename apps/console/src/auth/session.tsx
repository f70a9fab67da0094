import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { request } from '../api/client';
import type { ConsoleSettings } from '../api/settings';
import { useI18n } from '../i18n/i18n';
import { startSignIn } from './oidc';
import { describeToken, type Session } from './token';

export interface DevSignIn {
  role: 'citizen' | 'officer' | 'admin';
  subject: string;
  ttlSeconds?: number;
}

interface SessionContextValue {
  settings: ConsoleSettings;
  session: Session | undefined;
  /** The session ran out (or the node refused its token): the page stays, a dialog asks to sign in again. */
  expired: boolean;
  hasRole: (role: string) => boolean;
  signInDevelopment: (input: DevSignIn) => Promise<void>;
  signInOidc: (returnTo: string) => Promise<void>;
  adoptToken: (token: string) => void;
  signOut: () => void;
  api: <R, V>(document: TypedDocumentNode<R, V>, variables: V) => Promise<R>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/** The signed-in person, held in memory only: a reload or a closed tab signs out. */
export function SessionProvider({ settings, children }: { settings: ConsoleSettings; children: ReactNode }) {
  const { lang } = useI18n();
  const [session, setSession] = useState<Session | undefined>();
  const [expired, setExpired] = useState(false);
  const sessionRef = useRef<Session | undefined>(undefined);
  sessionRef.current = session;

  useEffect(() => {
    if (!session) return;
    const left = session.expiresAt - Date.now();
    if (left <= 0) {
      setExpired(true);
      return;
    }
    const timer = setTimeout(() => setExpired(true), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [session]);

  const adopt = useCallback((token: string, via: Session['via']) => {
    setSession(describeToken(token, via));
    setExpired(false);
  }, []);

  const signInDevelopment = useCallback(
    async (input: DevSignIn) => {
      const response = await fetch('/console/dev-sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const answer = (await response.json()) as { token?: string; issues?: { message: string }[] };
      if (!response.ok || !answer.token) throw new Error(answer.issues?.map((i) => i.message).join('; ') ?? `HTTP ${response.status}`);
      adopt(answer.token, 'development');
    },
    [adopt],
  );

  const value = useMemo<SessionContextValue>(
    () => ({
      settings,
      session,
      expired,
      hasRole: (role) => session?.roles.includes(role) ?? false,
      signInDevelopment,
      signInOidc: (returnTo) => startSignIn(settings, returnTo),
      adoptToken: (token) => adopt(token, 'oidc'),
      signOut: () => {
        setSession(undefined);
        setExpired(false);
      },
      api: (document, variables) =>
        request({ token: sessionRef.current?.token, lang, onUnauthenticated: () => setExpired(true) }, document, variables),
    }),
    [settings, session, expired, signInDevelopment, adopt, lang],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
