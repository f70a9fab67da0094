import { useI18n } from '../i18n/i18n';
import { SignInForms } from './sign-in-forms';

/** Over the page, not instead of it: what was on screen is still there after signing in again. */
export function SessionExpiredDialog({ returnTo }: { returnTo: string }) {
  const { t } = useI18n();
  return (
    <div className="backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="expired-title" data-testid="session-expired">
        <h2 id="expired-title">{t('session.expiredTitle')}</h2>
        <p>{t('session.expiredText')}</p>
        <SignInForms returnTo={returnTo} stay />
      </div>
    </div>
  );
}
