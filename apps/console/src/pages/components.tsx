import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { SignInForms } from './sign-in-forms';

/** The node's own message (already in the page's language); a connection failure gets the page's. */
export function ErrorMessage({ error }: { error: ApiError | Error | undefined }) {
  const { t } = useI18n();
  if (!error) return null;
  const code = 'code' in error ? error.code : undefined;
  const text = code === 'NETWORK' || !error.message ? t('errors.network') : error.message;
  return (
    <p className="error" role="alert" data-code={code}>
      {text}
    </p>
  );
}

/** A page for the signed-in: anyone else gets the sign-in forms in its place, and comes back here after. */
export function SignedIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const { t } = useI18n();
  if (session) return <>{children}</>;
  return (
    <section aria-labelledby="sign-in-needed">
      <h1 id="sign-in-needed">{t('signIn.title')}</h1>
      <SignInForms returnTo={location.pathname.replace(/^\/console/, '') + location.search} />
    </section>
  );
}

export function Loading({ when }: { when: boolean }) {
  const { t } = useI18n();
  return when ? <p aria-live="polite">{t('app.loading')}</p> : null;
}

export const formatTime = (iso: string | null | undefined, lang: string): string =>
  iso ? new Date(iso).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'medium' }) : '—';

/** A wide table scrolls sideways on a phone; the region takes keyboard focus so that it can be scrolled without a mouse. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
