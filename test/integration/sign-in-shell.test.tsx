import { MantineProvider, TextInput } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetKeptTicketLists,
  recordRecentTicket,
  togglePinned,
} from '../../src/features/tickets/recent-tickets.ts';
import { GoToTicketBox } from '../../src/features/shell/go-to-ticket-box.tsx';
import { parseTicketId } from '../../src/features/tickets/ticket-id.ts';
import { disposeApp, renderApp, type RenderedApp } from './sign-in-harness.tsx';

const firstPaint = { timeout: 15_000 };
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

async function signedIn(path = '/'): Promise<RenderedApp> {
  const current = renderApp({ path });
  await current.user.type(await screen.findByLabelText('Group', {}, firstPaint), 'HELP DESK');
  await current.user.type(screen.getByLabelText('Login ID'), 'TECH1');
  await current.user.type(screen.getByLabelText('Password'), 'welcome');
  await current.user.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('textbox', { name: 'Go to ticket' }, firstPaint);
  return current;
}

describe('the Go to ticket box in the header', () => {
  it('opens the ticket whose number is typed, on Enter', async () => {
    app = await signedIn();
    await app.user.type(screen.getByRole('textbox', { name: 'Go to ticket' }), '#  102{Enter}');
    await waitFor(() => expect(app!.router.state.location.pathname).toBe('/tickets/102'));
    expect(screen.getByRole('textbox', { name: 'Go to ticket' })).toHaveValue('');
  });

  it('says inline that a non-numeric entry is not a ticket number, and stays put', async () => {
    app = await signedIn();
    const box = screen.getByRole('textbox', { name: 'Go to ticket' });
    await app.user.type(box, 'printer{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('"printer" is not a ticket number');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(app.router.state.location.pathname).toBe('/');
    await app.user.type(box, 'x');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is focused by the / key, except while typing in another field', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(
      <MantineProvider env="test">
        <GoToTicketBox parseTicketId={parseTicketId} onOpen={onOpen} />
        <TextInput label="Note" />
      </MantineProvider>,
    );
    const box = screen.getByRole('textbox', { name: 'Go to ticket' });
    const note = screen.getByRole('textbox', { name: 'Note' });

    await user.click(note);
    await user.keyboard('a/b');
    expect(note).toHaveValue('a/b');
    expect(box).not.toHaveFocus();

    note.blur();
    await user.keyboard('/');
    expect(box).toHaveFocus();
    // The / that focused the box is not typed into it.
    expect(box).toHaveValue('');
    await user.keyboard('101{Enter}');
    expect(onOpen).toHaveBeenCalledWith(101);
  });
});

describe('the header', () => {
  it('has a skip link to the main landmark, a banner and a search landmark', async () => {
    app = await signedIn();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveAttribute('href', '#main-content');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('search', { name: 'Go to ticket' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Tickets' })).toBeInTheDocument();
  });

  it('lists pinned and recently viewed tickets one click away', async () => {
    recordRecentTicket('HELP DESK\\TECH1', {
      id: 101,
      summary: 'Outlook asks for the password',
      status: 'Open',
    });
    recordRecentTicket('HELP DESK\\TECH1', {
      id: 104,
      summary: 'Printer jams on tray 2',
      status: 'In Progress',
    });
    togglePinned('HELP DESK\\TECH1', { id: 101, summary: 'Outlook asks for the password', status: 'Open' });
    app = await signedIn();

    await app.user.click(screen.getByRole('button', { name: 'Tickets' }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('#101 Outlook asks for the password'),
      expect.stringContaining('#104 Printer jams on tray 2'),
      expect.stringContaining('#101 Outlook asks for the password'),
    ]);
    await app.user.click(items[1]!);
    await waitFor(() => expect(app!.router.state.location.pathname).toBe('/tickets/104'));
  });

  it('lets the technician choose the light, dark or system theme from the user menu', async () => {
    app = await signedIn();
    await app.user.click(screen.getByRole('button', { name: /^Account: / }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByText('HELP DESK\\TECH1')).toBeInTheDocument();
    await app.user.click(within(menu).getByRole('menuitem', { name: 'Dark theme' }));
    await waitFor(() =>
      expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark'),
    );
    expect(within(menu).getByRole('menuitem', { name: 'Dark theme' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await app.user.click(within(menu).getByRole('menuitem', { name: 'Light theme' }));
    await waitFor(() =>
      expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'light'),
    );
    await app.user.click(within(menu).getByRole('menuitem', { name: 'System theme' }));
  });
});

describe('the home page', () => {
  it('greets the technician and links their recently viewed tickets', async () => {
    recordRecentTicket('HELP DESK\\TECH1', {
      id: 104,
      summary: 'Printer jams on tray 2',
      status: 'In Progress',
    });
    app = await signedIn();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Hello, /);
    const recent = screen.getByRole('region', { name: 'Recently viewed' });
    expect(within(recent).getByRole('link', { name: /#104 Printer jams on tray 2/ })).toHaveAttribute(
      'href',
      '/tickets/104',
    );
    expect(
      within(screen.getByRole('region', { name: 'Pinned tickets' })).getByText(/No pinned tickets yet/),
    ).toBeInTheDocument();
  });
});

describe('an unknown address', () => {
  it('shows a page-not-found state with a way home', async () => {
    app = await signedIn('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    await app.user.click(screen.getByRole('link', { name: 'Go to the home page' }));
    await waitFor(() => expect(app!.router.state.location.pathname).toBe('/'));
  });
});
