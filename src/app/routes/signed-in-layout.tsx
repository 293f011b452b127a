import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useSessionState } from '../../api/api-context.ts';
import type { Technician } from '../../api/session.ts';
import { useConfig } from '../../config/config-context.ts';
import { AppFrame } from '../../features/shell/app-frame.tsx';
import { GoToTicketBox } from '../../features/shell/go-to-ticket-box.tsx';
import { TicketsMenu } from '../../features/shell/tickets-menu.tsx';
import { UserMenu } from '../../features/shell/user-menu.tsx';
import { parseTicketId } from '../../features/tickets/ticket-id.ts';
import {
  ticketListOwner,
  usePinnedTicketsOf,
  useRecentTicketsOf,
} from '../../features/tickets/recent-tickets.ts';
import { KeyboardShortcutsSheet } from '../keyboard-shortcuts-sheet.tsx';
import { preloadTicketDetailWhenIdle } from '../preload.ts';
import { signInPathFor } from '../return-path.ts';

// Fetched the first time the session ends mid-work, not with every signed-in page (issue 3 budget).
const SignInAgainDialog = lazy(async () => {
  const { SignInAgainDialog: Component } = await import('./sign-in-again-dialog.tsx');
  return { default: Component };
});

export function technicianDisplayName(technician: Technician | null): string {
  if (!technician) return 'Technician';
  const name = `${technician.firstName} ${technician.lastName}`.trim();
  return name === '' ? technician.login : name;
}

/**
 * Every page that needs a session: the app frame around the page, a redirect to the sign-in page when there is
 * no session (keeping the deep link), and the sign-in dialog over the page when the session ended mid-work.
 */
export function SignedInLayout() {
  const config = useConfig();
  const session = useSession();
  const state = useSessionState();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const signingOutRef = useRef(false);
  const [signingOut, setSigningOut] = useState(false);
  const needsSignIn = state.status === 'needs-sign-in';
  const [dialogAsked, setDialogAsked] = useState(needsSignIn);
  if (needsSignIn && !dialogAsked) setDialogAsked(true);

  const technician = state.technician;
  const owner = technician ? ticketListOwner(technician) : null;
  const recent = useRecentTicketsOf(owner);
  const pinned = usePinnedTicketsOf(owner);
  useEffect(() => preloadTicketDetailWhenIdle(), []);

  if (state.status === 'signed-out') {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={signingOutRef.current ? '/sign-in' : signInPathFor(here)} replace />;
  }

  async function signOut() {
    signingOutRef.current = true;
    setSigningOut(true);
    // The session forgets the token at once (the redirect above follows) and then calls /technicians/logout.
    await session.signOut();
    // Nothing one technician loaded may be shown to the next one at this browser.
    queryClient.clear();
  }

  const openTicket = (id: number) => {
    void navigate(`/tickets/${id}`);
  };
  const name = technicianDisplayName(technician);
  const last = session.lastSignIn();

  return (
    <>
      <AppFrame
        siteName={config.siteName}
        goToTicket={<GoToTicketBox parseTicketId={parseTicketId} onOpen={openTicket} />}
        ticketsMenu={<TicketsMenu recent={recent} pinned={pinned} onOpen={openTicket} />}
        userMenu={
          <UserMenu
            name={name}
            group={technician?.group ?? ''}
            login={technician?.login ?? ''}
            onSignOut={() => void signOut()}
            signingOut={signingOut}
          />
        }
      >
        <Outlet />
      </AppFrame>
      {dialogAsked ? (
        <Suspense fallback={null}>
          <SignInAgainDialog
            opened={needsSignIn}
            technicianName={name}
            initial={{
              // The last sign-in at this browser is what the technician typed (a Windows login keeps its domain);
              // the server's name for them is the fallback.
              group: last?.group ?? technician?.group ?? '',
              login: last?.login ?? technician?.login ?? '',
              domain: last?.domain ?? '',
            }}
            groups={config.vocabulary.groups}
            apiBaseUrl={config.apiBaseUrl}
            onSubmit={async (credentials) => {
              await session.signIn(credentials);
            }}
            onSignOut={() => void signOut()}
          />
        </Suspense>
      ) : null}
      <KeyboardShortcutsSheet />
    </>
  );
}
