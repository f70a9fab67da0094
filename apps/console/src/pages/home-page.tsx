import { Navigate } from 'react-router-dom';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { SignedIn } from './components';

export function HomePage() {
  const { hasRole } = useSession();
  const { t } = useI18n();
  return (
    <SignedIn>
      {hasRole('admin') ? (
        <Navigate to="/federation" replace />
      ) : hasRole('officer') ? (
        <Navigate to="/cases" replace />
      ) : (
        <section>
          <h1>{t('home.title')}</h1>
          <p>{t('home.nothingForRole')}</p>
        </section>
      )}
    </SignedIn>
  );
}
