import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { loadSettings } from './api/settings';
import { App } from './app';
import { SessionProvider } from './auth/session';
import { I18nProvider } from './i18n/i18n';
import { AuditPage } from './pages/audit-page';
import { CallbackPage } from './pages/callback-page';
import { CasesPage } from './pages/cases-page';
import { RegistryPage } from './pages/registry-page';
import { TaxpayersPage } from './pages/taxpayers-page';
import { FederationPage } from './pages/federation-page';
import { HomePage } from './pages/home-page';
import { KeysPage } from './pages/keys-page';
import { MessagesPage } from './pages/messages-page';
import { SignInPage } from './pages/sign-in-page';
import { TrustPage } from './pages/trust-page';
import './styles.css';

const router = createBrowserRouter(
  [
    {
      path: '/',
      element: <App />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'callback', element: <CallbackPage /> },
        { path: 'federation', element: <FederationPage /> },
        { path: 'trust', element: <TrustPage /> },
        { path: 'messages', element: <MessagesPage /> },
        { path: 'keys', element: <KeysPage /> },
        { path: 'cases', element: <CasesPage /> },
        { path: 'registry', element: <RegistryPage /> },
        { path: 'taxpayers', element: <TaxpayersPage /> },
        { path: 'audit', element: <AuditPage /> },
        { path: '*', element: <HomePage /> },
      ],
    },
  ],
  { basename: '/console' },
);

const root = createRoot(document.getElementById('root') as HTMLElement);
loadSettings().then(
  (settings) =>
    root.render(
      <StrictMode>
        <I18nProvider fallback={settings.defaultLanguage}>
          <SessionProvider settings={settings}>
            <RouterProvider router={router} />
          </SessionProvider>
        </I18nProvider>
      </StrictMode>,
    ),
  (err: unknown) => root.render(<p role="alert">{String(err)}</p>),
);
