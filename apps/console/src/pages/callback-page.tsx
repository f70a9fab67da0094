import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { finishSignIn } from '../auth/oidc';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/** Where the identity provider sends the browser back with the authorization code. */
export function CallbackPage() {
  const { t } = useI18n();
  const { settings, adoptToken } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | undefined>();
  const started = useRef(false);
  useEffect(() => {
    // The code can be redeemed once: StrictMode's second effect run must not try again.
    if (started.current) return;
    started.current = true;
    finishSignIn(settings, new URLSearchParams(location.search)).then(
      ({ token, returnTo }) => {
        adoptToken(token);
        void navigate(returnTo || '/', { replace: true });
      },
      (err: Error) => setError(err.message),
    );
  }, [settings, adoptToken, navigate]);
  return (
    <section>
      <h1>{t('signIn.title')}</h1>
      {error ? (
        <p className="error" role="alert">
          {t('signIn.failed', { reason: error })}
        </p>
      ) : (
        <p aria-live="polite">{t('app.loading')}</p>
      )}
    </section>
  );
}
