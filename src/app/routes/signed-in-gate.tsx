import { lazy, Suspense, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSessionState } from '../../api/api-context.ts';
import { signInPathFor } from '../return-path.ts';
import { StartingUp } from './starting-up.tsx';

const SignedInArea = lazy(async () => {
  const { SignedInArea: Component } = await import('./signed-in-area.tsx');
  return { default: Component };
});

/**
 * Opening the app signed out goes to the sign-in page before the signed-in frame's code (app shell, menus,
 * ticket index, field catalog) is fetched: the sign-in page loads only what it needs (issue 3 budget). Once the
 * frame is on screen it handles the session ending itself (sign-out, the sign-in dialog).
 */
export function SignedInGate() {
  const state = useSessionState();
  const location = useLocation();
  const [entered, setEntered] = useState(state.status !== 'signed-out');
  if (!entered && state.status !== 'signed-out') setEntered(true);

  if (!entered) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={signInPathFor(here)} replace />;
  }
  return (
    <Suspense fallback={<StartingUp />}>
      <SignedInArea />
    </Suspense>
  );
}
