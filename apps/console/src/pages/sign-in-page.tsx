import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { SignInForms } from './sign-in-forms';

export function SignInPage() {
  const { t } = useI18n();
  const [query] = useSearchParams();
  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <SignInForms returnTo={query.get('returnTo') ?? '/'} />
    </section>
  );
}
