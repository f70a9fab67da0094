import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useSession } from './auth/session';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, useI18n, type StringKey } from './i18n/i18n';
import { SessionExpiredDialog } from './pages/session-expired-dialog';
import { TransparencyAlarmBanner } from './pages/transparency-alarm-banner';

/** Which pages each role sees in the menu; the node still checks every call whatever the menu shows. */
const PAGES: { path: string; label: StringKey; roles: string[] }[] = [
  { path: '/federation', label: 'nav.federation', roles: ['admin'] },
  { path: '/trust', label: 'nav.trust', roles: ['admin'] },
  { path: '/messages', label: 'nav.messages', roles: ['admin'] },
  { path: '/keys', label: 'nav.keys', roles: ['admin'] },
  { path: '/registry', label: 'nav.registry', roles: ['admin'] },
  { path: '/cases', label: 'nav.cases', roles: ['officer'] },
  { path: '/taxpayers', label: 'nav.taxpayers', roles: ['officer'] },
  { path: '/audit', label: 'nav.audit', roles: ['admin'] },
];

export function App() {
  const { t, lang, setLang } = useI18n();
  const { settings, session, hasRole, signOut, expired } = useSession();
  const location = useLocation();
  const visible = PAGES.filter((p) => p.roles.some(hasRole));
  return (
    <>
      {settings.devSignIn && (
        <div className="dev-banner" role="note" data-testid="dev-banner">
          {t('app.developmentBanner')}
        </div>
      )}
      {session && hasRole('admin') && <TransparencyAlarmBanner />}
      <header className="top">
        <div className="brand">
          <span className="title">{t('app.title', { country: settings.country })}</span>
        </div>
        <div className="tools">
          <label className="language">
            <span className="visually-hidden">{t('app.language')}</span>
            <select value={lang} onChange={(e) => isLanguage(e.target.value) && setLang(e.target.value)} data-testid="language">
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          {session && (
            <>
              <span className="who" data-testid="who">
                {t('app.signedInAs', { subject: session.subject, roles: session.roles.join(', ') })}
              </span>
              <button type="button" onClick={signOut}>
                {t('app.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      {session && visible.length > 0 && (
        <nav className="menu" aria-label={t('app.menu')}>
          {visible.map((p) => (
            <NavLink key={p.path} to={p.path}>
              {t(p.label)}
            </NavLink>
          ))}
        </nav>
      )}
      <main>
        <Outlet />
      </main>
      {expired && session && <SessionExpiredDialog returnTo={location.pathname + location.search} />}
    </>
  );
}
