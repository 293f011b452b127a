import { useEffect } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useSession, useSessionState } from '../../api/api-context.ts';
import { useConfig } from '../../config/config-context.ts';
import { SignInPage } from '../../features/auth/sign-in-page.tsx';
import { preloadAfterSignInWhenSettled } from '../preload.ts';
import { NEXT_PARAM, safeReturnPath } from '../return-path.ts';
import { useDocumentTitle } from '../use-document-title.ts';

export function SignInRoute() {
  const config = useConfig();
  const session = useSession();
  const state = useSessionState();
  const [searchParams] = useSearchParams();
  const next = safeReturnPath(searchParams.get(NEXT_PARAM));
  useDocumentTitle(`Sign in · ${config.siteName}`);
  // While the technician types, fetch the code of the page this sign-in leads to.
  useEffect(() => preloadAfterSignInWhenSettled(next), [next]);

  // Signing in publishes 'signed-in'; this render then takes the technician where they were going.
  if (state.status === 'signed-in') return <Navigate to={next ?? '/'} replace />;

  const last = session.lastSignIn();
  return (
    <SignInPage
      siteName={config.siteName}
      returningTo={next}
      initial={{ group: last?.group ?? '', login: last?.login ?? '', domain: last?.domain ?? '' }}
      groups={config.vocabulary.groups}
      apiBaseUrl={config.apiBaseUrl}
      onSubmit={async (credentials) => {
        await session.signIn(credentials);
      }}
    />
  );
}
