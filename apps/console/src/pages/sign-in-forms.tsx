import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSession, type DevSignIn } from '../auth/session';
import { useI18n } from '../i18n/i18n';

const ROLES: DevSignIn['role'][] = ['admin', 'officer', 'citizen'];

/**
 * The ways to sign in this node offers: the country's identity provider, and in a local federation only the
 * development sign-in. `stay` keeps the current page (the session-expired dialog).
 */
export function SignInForms({ returnTo, stay = false }: { returnTo: string; stay?: boolean }) {
  const { t } = useI18n();
  const { settings, signInDevelopment, signInOidc } = useSession();
  const navigate = useNavigate();
  const [role, setRole] = useState<DevSignIn['role']>('admin');
  const [subject, setSubject] = useState(`${settings.country}:STAFF:admin`);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await signInDevelopment({ role, subject });
      if (!stay) void navigate(returnTo || '/');
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <div className="sign-in">
      {settings.oidc && (
        <div className="card">
          <p>{t('signIn.oidcIntro')}</p>
          <button
            type="button"
            className="primary"
            data-testid="oidc-sign-in"
            onClick={() => void signInOidc(returnTo).catch((err: Error) => setError(err.message))}
          >
            {t('signIn.oidcButton')}
          </button>
        </div>
      )}
      {settings.devSignIn && (
        <form className="card" onSubmit={(e) => void submit(e)} data-testid="dev-sign-in">
          <h2>{t('signIn.devTitle')}</h2>
          <p>{t('signIn.devIntro')}</p>
          <label>
            {t('signIn.role')}
            <select
              value={role}
              onChange={(e) => {
                const next = e.target.value as DevSignIn['role'];
                setRole(next);
                setSubject(next === 'citizen' ? `${settings.country}:IIN:900101300123` : `${settings.country}:STAFF:${next}`);
              }}
              name="role"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('signIn.subject')}
            <input name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} autoComplete="off" />
          </label>
          <button type="submit" className="primary">
            {t('signIn.devButton')}
          </button>
        </form>
      )}
      {!settings.oidc && !settings.devSignIn && <p>{t('signIn.none')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
