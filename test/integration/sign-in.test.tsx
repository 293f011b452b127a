import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAST_SIGN_IN_KEY } from '../../src/api/session.ts';
import { startApp } from '../../src/app/start-app.tsx';
import { forgetKeptTicketLists } from '../../src/features/tickets/recent-tickets.ts';
import { disposeApp, renderApp, type RenderedApp } from './sign-in-harness.tsx';

let app: RenderedApp | undefined;

beforeEach(() => {
  window.localStorage.clear();
  // The ticket lists are kept in memory between storage events; start each test from an empty storage.
  forgetKeptTicketLists();
});

afterEach(() => {
  if (app) disposeApp(app);
  app = undefined;
});

// The first render may wait for a lazy route's code (a deep link to a ticket), slow to transform in a test run.
const firstPaint = { timeout: 15_000 };

/** Waits until ticket `id` has been read from the server and is in the query cache. */
async function ticketLoaded(current: RenderedApp, id: number) {
  await waitFor(
    () =>
      expect(current.services.queryClient.getQueryState(['tickets', 'detail', id])?.status).toBe('success'),
    firstPaint,
  );
}

async function fillSignIn(current: RenderedApp, group: string, login: string, password: string) {
  const { user } = current;
  await user.clear(await screen.findByLabelText('Group', {}, firstPaint));
  await user.type(screen.getByLabelText('Group'), group);
  await user.clear(screen.getByLabelText('Login ID'));
  await user.type(screen.getByLabelText('Login ID'), login);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the sign-in page', () => {
  it('signs a technician in and shows their name and group in the header', async () => {
    app = renderApp({ path: '/' });
    expect(await screen.findByRole('button', { name: 'Sign in' }, firstPaint)).toBeInTheDocument();
    expect(app.router.state.location.pathname).toBe('/sign-in');

    // Track-It! wants capitals (protocol-notes §1.1); the technician need not type them.
    await fillSignIn(app, 'help desk', 'tech1', 'welcome');

    expect(await screen.findByRole('textbox', { name: 'Go to ticket' }, firstPaint)).toBeInTheDocument();
    expect(app.router.state.location.pathname).toBe('/');
    const account = screen.getByRole('button', { name: /^Account: .+, HELP DESK$/ });
    expect(account).toBeInTheDocument();
    expect(app.services.session.getState().status).toBe('signed-in');
  });

  it('says the group, login ID or password is wrong, keeps group and login, and clears the password', async () => {
    app = renderApp({ path: '/sign-in' });
    await fillSignIn(app, 'HELP DESK', 'TECH1', 'not-the-password');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Wrong group, login ID or password');
    expect(screen.getByLabelText('Group')).toHaveValue('HELP DESK');
    expect(screen.getByLabelText('Login ID')).toHaveValue('TECH1');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(app.services.session.getState().status).toBe('signed-out');
  });

  it('says the server cannot be reached when the network fails', async () => {
    app = renderApp({
      path: '/sign-in',
      fetch: () => async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await fillSignIn(app, 'HELP DESK', 'TECH1', 'welcome');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The Track-It! server cannot be reached');
    expect(alert).not.toHaveTextContent('Wrong group');
  });

  it('says the address is not a Track-It! server when something else answers', async () => {
    app = renderApp({
      path: '/sign-in',
      fetch: () => async () =>
        new Response(
          '<!doctype html><html><head><title>IIS Windows Server</title></head><body>Welcome</body></html>',
          {
            status: 200,
            headers: { 'Content-Type': 'text/html' },
          },
        ),
    });
    await fillSignIn(app, 'HELP DESK', 'TECH1', 'welcome');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This is not a Track-It! server');
    expect(alert).toHaveTextContent('apiBaseUrl');
  });

  it('asks for each missing field instead of posting an empty sign-in', async () => {
    app = renderApp({ path: '/sign-in' });
    await app.user.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(screen.getByText('Enter your Track-It! group, for example HELP DESK')).toBeInTheDocument();
    expect(screen.getByText('Enter your login ID')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(screen.getByLabelText('Group')).toHaveFocus();
    expect((await app.requests()).filter((r) => /\/token$/i.test(r.path))).toHaveLength(0);
  });

  it('prefills the last group and login, never the password', async () => {
    window.localStorage.setItem(
      LAST_SIGN_IN_KEY,
      JSON.stringify({ group: 'FIELD SERVICES', login: 'FIELD1' }),
    );
    app = renderApp({ path: '/sign-in' });

    expect(await screen.findByLabelText('Group')).toHaveValue('FIELD SERVICES');
    expect(screen.getByLabelText('Login ID')).toHaveValue('FIELD1');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('composes a Windows login as GROUP\\DOMAIN\\user', async () => {
    const usernames: (string | null)[] = [];
    app = renderApp({
      path: '/sign-in',
      fetch: (emulatorFetch) => async (input, init) => {
        if (String(input).endsWith('/token') && typeof init?.body === 'string') {
          usernames.push(new URLSearchParams(init.body).get('username'));
        }
        return emulatorFetch(input, init);
      },
    });
    expect(screen.queryByLabelText('Domain')).not.toBeInTheDocument();
    await app.user.click(await screen.findByRole('checkbox', { name: /Windows login/ }, firstPaint));
    await app.user.type(screen.getByLabelText('Domain'), 'CONTOSO');
    await fillSignIn(app, 'help desk', 'jsmith', 'secret');

    // The emulator knows no Windows accounts: what matters is what was posted (protocol-notes §1.1).
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong group, login ID or password');
    expect(usernames).toEqual(['HELP DESK\\CONTOSO\\jsmith']);
  });
});

describe('deep links', () => {
  it('opens the ticket asked for once the technician has signed in', async () => {
    app = renderApp({ path: '/tickets/101' });

    expect(await screen.findByRole('button', { name: 'Sign in' }, firstPaint)).toBeInTheDocument();
    expect(app.router.state.location.pathname).toBe('/sign-in');
    expect(screen.getByText('/tickets/101')).toBeInTheDocument();

    await fillSignIn(app, 'HELP DESK', 'TECH1', 'welcome');

    await waitFor(() => expect(app!.router.state.location.pathname).toBe('/tickets/101'));
    await ticketLoaded(app, 101);
  });

  it('ignores a return address outside the app', async () => {
    app = renderApp({ path: '/sign-in?next=%2F%2Fevil.example%2F' });
    await fillSignIn(app, 'HELP DESK', 'TECH1', 'welcome');
    await waitFor(() => expect(app!.router.state.location.pathname).toBe('/'));
  });
});

describe('signing out', () => {
  it('calls /technicians/logout, clears the query cache and returns to the sign-in page', async () => {
    app = renderApp({ path: '/tickets/101' });
    await fillSignIn(app, 'HELP DESK', 'TECH1', 'welcome');
    await ticketLoaded(app, 101);
    expect(app.services.queryClient.getQueryCache().getAll().length).toBeGreaterThan(0);

    await app.user.click(screen.getByRole('button', { name: /^Account: / }));
    await app.user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByRole('button', { name: 'Sign in' }, firstPaint)).toBeInTheDocument();
    expect(app.router.state.location.pathname).toBe('/sign-in');
    // A deliberate sign-out does not offer to go back to the last page.
    expect(app.router.state.location.search).toBe('');
    await waitFor(async () => {
      const logouts = (await app!.requests()).filter(
        (r) => r.method === 'GET' && /\/technicians\/logout$/i.test(r.path),
      );
      expect(logouts).toHaveLength(1);
    });
    await waitFor(() => expect(app!.services.queryClient.getQueryCache().getAll()).toHaveLength(0));
    expect(app.services.session.getState().status).toBe('signed-out');
  });
});

describe('the sign-in dialog', () => {
  it('appears over the page when the session cannot be renewed, keeps what was typed, and resumes the waiting requests', async () => {
    app = renderApp({ path: '/' });
    await fillSignIn(app, 'HELP DESK', 'TECH1', 'welcome');
    const box = await screen.findByRole('textbox', { name: 'Go to ticket' }, firstPaint);

    // The access token expires and the refresh grant is refused: only a new sign-in can help.
    await app.control('expire-tokens', {});
    await app.control('faults', {
      path: '^/token$',
      method: 'POST',
      status: 400,
      body: JSON.stringify({
        error: 'invalid_grant',
        error_description: 'The refresh token is invalid or has expired.',
      }),
      count: 1,
    });
    await app.user.type(box, 'half-typed');
    await act(() => app!.router.navigate('/tickets/101'));

    const dialog = await screen.findByRole('dialog', { name: 'Sign in again' }, firstPaint);
    expect(within(dialog).getByLabelText('Group')).toHaveValue('HELP DESK');
    expect(within(dialog).getByLabelText('Login ID')).toHaveValue('TECH1');
    // The page underneath is still there, with what was typed.
    expect(screen.getByRole('textbox', { name: 'Go to ticket', hidden: true })).toHaveValue('half-typed');

    await app.user.type(within(dialog).getByLabelText('Password'), 'welcome');
    await app.user.click(within(dialog).getByRole('button', { name: 'Sign in' }));

    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Sign in again' })).not.toBeInTheDocument(),
    );
    await ticketLoaded(app, 101);
    expect(screen.getByRole('textbox', { name: 'Go to ticket' })).toHaveValue('half-typed');
    expect(app.router.state.location.pathname).toBe('/tickets/101');
  });
});

describe('start-up', () => {
  it('shows a page naming the wrong key when config.json is invalid', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const started = await act(() =>
      startApp(container, {
        entryModuleUrl: 'http://helpdesk.test/helpdesk/assets/index.js',
        env: 'test',
        fetch: async (input) => {
          expect(String(input)).toBe('http://helpdesk.test/helpdesk/config.json');
          return new Response(JSON.stringify({ apiBaseUrl: 42, display: { theme: 'purple' } }), {
            status: 200,
          });
        },
      }),
    );
    expect(started.ok).toBe(false);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('configuration has a problem');
    const problem = screen.getByRole('alert');
    expect(problem).toHaveTextContent('apiBaseUrl');
    expect(problem).toHaveTextContent('display.theme');
    expect(screen.getByText('http://helpdesk.test/helpdesk/config.json')).toBeInTheDocument();
    act(() => started.root.unmount());
    container.remove();
  });

  it('says config.json is missing rather than showing a blank page', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const started = await act(() =>
      startApp(container, {
        entryModuleUrl: 'http://helpdesk.test/assets/index.js',
        env: 'test',
        fetch: async () => new Response('Not found', { status: 404 }),
      }),
    );
    expect(started.ok).toBe(false);
    expect(screen.getByRole('alert')).toHaveTextContent('config.json is missing');
    act(() => started.root.unmount());
    container.remove();
  });
});
