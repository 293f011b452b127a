import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../src/app/app-providers.tsx';
import { KeyboardShortcutsSheet } from '../../src/app/keyboard-shortcuts-sheet.tsx';
import { keyboardShortcuts } from '../../src/app/keyboard-shortcuts.ts';
import { TicketDetailRoute } from '../../src/app/routes/ticket-detail-route.tsx';
import { ticketKeys } from '../../src/api/queries.ts';
import { resetPendingNotes } from '../../src/features/notes/note-composer-pending.ts';
import { resetForbiddenActions } from '../../src/api/forbidden-actions.ts';
import {
  forgetKeptTicketLists,
  readRecentTickets,
  recordRecentTicket,
  togglePinned,
  readPinnedTickets,
  ticketListOwner,
} from '../../src/features/tickets/recent-tickets.ts';
import { createDetailHarness, type DetailHarness } from './ticket-detail-harness.tsx';

// Add note, Change status, Close and Delete on the detail route against the in-process emulator (real client,
// session and QueryClient), in both envelope shapes, with each error (issue 4).

// The machine these run on is shared and often loaded: give find*/waitFor more than the default second.
configure({ asyncUtilTimeout: 5000 });

let harness: DetailHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
  window.localStorage.clear();
  forgetKeptTicketLists();
  resetPendingNotes();
  resetForbiddenActions();
});

type WireRecord = Record<string, { DisplayName: string; Value: unknown }>;

async function serverGet(h: DetailHarness, path: string, login = 'HELP DESK\\TECH1'): Promise<Response> {
  const token = await h.emulator.signIn(login);
  return h.emulator.fetch(`${h.emulator.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

/** The ticket's user notes as the server has them (all of them, whole text). */
async function serverNotes(h: DetailHarness, id: number): Promise<WireRecord[]> {
  const response = await serverGet(h, `/tickets/${id}/Notes/0/0?maxContentLength=-1&SystemNote=false`);
  const body = (await response.json()) as { TicketNotes?: WireRecord[] };
  return body.TicketNotes ?? [];
}

async function serverTicket(
  h: DetailHarness,
  id: number,
): Promise<{ status: number; ticket: WireRecord | null }> {
  const response = await serverGet(h, `/tickets/${id}`);
  if (!response.ok) return { status: response.status, ticket: null };
  const body = (await response.json()) as { Ticket?: WireRecord; Tickets?: WireRecord };
  return { status: response.status, ticket: (body.Ticket ?? body.Tickets)! };
}

function renderAt(h: DetailHarness, entries: string[]) {
  const router = createMemoryRouter(
    [
      { path: '/tickets/:id', element: <TicketDetailRoute /> },
      { path: '/', element: <h1>Start page</h1> },
      { path: '/queue', element: <h1>The queue</h1> },
    ],
    { initialEntries: entries, initialIndex: entries.length - 1 },
  );
  render(
    <AppProviders config={h.config} services={h.services} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

async function openTicket(h: DetailHarness, id = 101, entries: string[] = [`/tickets/${id}`]) {
  const router = renderAt(h, entries);
  await screen.findByText(`Ticket #${id}`);
  await waitFor(() => expect(screen.queryByRole('status', { name: 'Loading notes' })).toBeNull());
  return router;
}

async function pick(
  user: UserEvent,
  label: string,
  option: string | RegExp,
  scope: HTMLElement = document.body,
) {
  await user.click(within(scope).getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function dialog(name: RegExp | string): Promise<HTMLElement> {
  return screen.findByRole('dialog', { name });
}

describe.each(['observed', 'doc'] as const)('ticket actions (%s shape)', (shape) => {
  it('adds a private note: it shows as sending at once, then as the server’s note, private on the server', async () => {
    harness = await createDetailHarness({ shape, latencyMs: 30 });
    const user = userEvent.setup();
    await openTicket(harness);
    const before = (await serverNotes(harness, 101)).length;

    await user.click(screen.getByRole('button', { name: 'Add note' }));
    const composer = await screen.findByRole('form', { name: 'New note on ticket 101' });
    expect(within(composer).getByRole('textbox', { name: /^Note/ })).toHaveFocus();
    await user.type(
      within(composer).getByRole('textbox', { name: /^Note/ }),
      'Reset the mail profile; works now.',
    );
    await user.type(within(composer).getByRole('textbox', { name: 'Duration' }), '0:20');
    const privateSwitch = within(composer).getByRole('switch', { name: 'Private' });
    expect(privateSwitch).not.toBeChecked();
    expect(within(composer).getByText('Public')).toBeInTheDocument();
    await user.click(privateSwitch);
    expect(within(composer).getByText('Private — only technicians see this')).toBeInTheDocument();
    await user.click(within(composer).getByRole('button', { name: 'Send note' }));

    const pending = await screen.findByTestId('pending-note');
    expect(pending).toHaveTextContent('Sending…');
    expect(pending).toHaveTextContent('Reset the mail profile; works now.');
    await waitFor(() => expect(screen.queryByTestId('pending-note')).toBeNull());
    const sent = screen
      .getAllByTestId('note')
      .find((note) => note.textContent?.includes('Reset the mail profile; works now.'));
    expect(sent).toBeDefined();
    expect(sent).toHaveAttribute('data-private', 'true');

    const after = await serverNotes(harness, 101);
    expect(after).toHaveLength(before + 1);
    const written = after.find((note) => note['5']?.Value === 'Reset the mail profile; works now.')!;
    expect(String(written['27']!.Value).toLowerCase()).toBe('true');
    expect(written['10']!.Value).toBe(20 * 60);
    // The composer's draft went with the send; the focus is back on `Add note`.
    expect(screen.queryByRole('form', { name: 'New note on ticket 101' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add note' })).toHaveFocus();
  });

  it('changes the status to Escalated with a note, and the header and timeline follow', async () => {
    harness = await createDetailHarness({ shape });
    const user = userEvent.setup();
    await openTicket(harness);

    await user.click(screen.getByRole('button', { name: 'Change status' }));
    const box = await dialog('Change status of ticket 101');
    await pick(user, 'Status', /^Escalated/, box);
    await user.type(within(box).getByRole('textbox', { name: /^Note/ }), 'Escalating to the mail team.');
    await user.click(within(box).getByRole('button', { name: 'Change status' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('status-badge')).toHaveTextContent('Escalated'));
    await waitFor(() =>
      expect(
        screen.getAllByTestId('note').some((n) => n.textContent?.includes('Escalating to the mail team.')),
      ).toBe(true),
    );
    const { ticket } = await serverTicket(harness, 101);
    expect(ticket!['96']!.Value).toBe('Escalated');
    // Focus returns to the button that opened the dialog.
    expect(screen.getByRole('button', { name: 'Change status' })).toHaveFocus();
  });

  it('marks closing and stop-the-clock statuses in words and says when a status closes the ticket', async () => {
    harness = await createDetailHarness({ shape });
    const user = userEvent.setup();
    await openTicket(harness);
    await user.click(screen.getByRole('button', { name: 'Change status' }));
    const box = await dialog('Change status of ticket 101');
    await user.click(within(box).getByRole('combobox', { name: 'Status' }));
    expect(await screen.findByRole('option', { name: 'Completed — closes the ticket' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Paused — stops the clock' })).toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: 'Completed — closes the ticket' }));
    expect(within(box).getByText('This closes ticket 101')).toBeInTheDocument();
  });

  it('asks for a note type when a note is written without one, inline, and sends nothing', async () => {
    harness = await createDetailHarness({ shape });
    const { defaultNoteType: _dropped, ...display } = harness.config.display;
    harness.config = { ...harness.config, display };
    const user = userEvent.setup();
    await openTicket(harness);
    const postsBefore = harness.requests().filter((r) => r.method === 'POST').length;

    await user.click(screen.getByRole('button', { name: 'Change status' }));
    const box = await dialog('Change status of ticket 101');
    await pick(user, 'Status', /^Escalated/, box);
    await user.type(within(box).getByRole('textbox', { name: /^Note/ }), 'A note without a type.');
    await user.click(within(box).getByRole('button', { name: 'Change status' }));

    expect(await within(box).findByText(/Choose a note type/)).toBeInTheDocument();
    expect(harness.requests().filter((r) => r.method === 'POST')).toHaveLength(postsBefore);
    expect(within(box).getByRole('textbox', { name: /^Note/ })).toHaveValue('A note without a type.');
  });

  it('closes the ticket with a closing note: closed status in the header, the system note in the timeline', async () => {
    harness = await createDetailHarness({ shape });
    const user = userEvent.setup();
    await openTicket(harness);

    await user.click(screen.getByRole('button', { name: 'Close ticket' }));
    const box = await dialog('Close ticket 101');
    await user.type(within(box).getByRole('textbox', { name: /^Closing note/ }), 'Fixed by a new profile.');
    await user.click(within(box).getByRole('button', { name: 'Close ticket 101' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(screen.getByTestId('status-badge')).toHaveAttribute('data-status-type', 'closed'),
    );
    await user.click(screen.getByRole('switch', { name: 'Show system notes' }));
    await waitFor(() =>
      expect(
        screen.getAllByTestId('note').some((n) => n.textContent?.includes('Ticket closed with status')),
      ).toBe(true),
    );
    expect(screen.queryByRole('button', { name: 'Close ticket' })).toBeNull();
  });

  it('deletes the ticket: gone from the caches and the recent and pinned lists, and back where the technician was', async () => {
    harness = await createDetailHarness({ shape });
    const owner = ticketListOwner({ group: 'HELP DESK', login: 'TECH1' });
    recordRecentTicket(owner, { id: 102, summary: 'Another', status: 'Open' });
    togglePinned(owner, { id: 101, summary: 'Outlook', status: 'Open' });
    const user = userEvent.setup();
    const router = await openTicket(harness, 101, ['/queue', '/tickets/101']);
    await waitFor(() => expect(readRecentTickets(owner).some((t) => t.id === 101)).toBe(true));

    await user.click(screen.getByRole('button', { name: 'Delete ticket' }));
    const box = await dialog('Delete ticket 101?');
    await user.click(within(box).getByRole('button', { name: 'Delete ticket 101' }));

    await screen.findByRole('heading', { name: 'The queue' });
    expect(router.state.location.pathname).toBe('/queue');
    const cache = harness.services.queryClient.getQueryCache();
    expect(cache.findAll({ queryKey: ticketKeys.detail(101) })).toHaveLength(0);
    expect(readRecentTickets(owner).map((t) => t.id)).toEqual([102]);
    expect(readPinnedTickets(owner)).toEqual([]);
    expect((await serverTicket(harness, 101)).status).toBe(404);
  });

  it('goes to the start page after a delete when the ticket was opened by a link', async () => {
    harness = await createDetailHarness({ shape });
    const user = userEvent.setup();
    await openTicket(harness, 101);
    await user.click(screen.getByRole('button', { name: 'Delete ticket' }));
    await user.click(
      within(await dialog('Delete ticket 101?')).getByRole('button', { name: 'Delete ticket 101' }),
    );
    await screen.findByRole('heading', { name: 'Start page' });
  });

  it('says which permission is missing on a 403 and turns the action off for the session (VIEWER)', async () => {
    harness = await createDetailHarness({ shape, login: { group: 'HELP DESK', login: 'VIEWER' } });
    const user = userEvent.setup();
    await openTicket(harness);

    await user.click(screen.getByRole('button', { name: 'Delete ticket' }));
    const box = await dialog('Delete ticket 101?');
    await user.click(within(box).getByRole('button', { name: 'Delete ticket 101' }));
    const alert = await within(box).findByRole('alert');
    expect(alert).toHaveTextContent('You do not have permission to delete the ticket');
    expect(alert).toHaveTextContent(/Delete Ticket permission/);
    await user.click(within(box).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Delete ticket' })).toHaveAttribute('aria-disabled', 'true');

    // Add note: the pending note says so and keeps the text; the button is off from then on.
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await user.type(screen.getByRole('textbox', { name: /^Note/ }), 'Viewer tries a note.');
    await user.click(screen.getByRole('button', { name: 'Send note' }));
    const pending = await screen.findByTestId('pending-note');
    await waitFor(() => expect(pending).toHaveTextContent('Not sent: no permission'));
    expect(pending).toHaveTextContent('Viewer tries a note.');
    expect(pending).toHaveTextContent(/Create Ticket Notes/);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Add note' })).toHaveAttribute('aria-disabled', 'true'),
    );
  });

  it('shows the server’s message for a 400 inside the dialog and keeps the note', async () => {
    harness = await createDetailHarness({ shape });
    await harness.control('faults', {
      path: '^/tickets/\\d+/ChangeStatus$',
      status: 400,
      body: '{"Message":"The status \'Escalated\' cannot follow \'Open\' at this site."}',
    });
    const user = userEvent.setup();
    await openTicket(harness);
    await user.click(screen.getByRole('button', { name: 'Change status' }));
    const box = await dialog('Change status of ticket 101');
    await pick(user, 'Status', /^Escalated/, box);
    await user.type(within(box).getByRole('textbox', { name: /^Note/ }), 'Keep me.');
    await user.click(within(box).getByRole('button', { name: 'Change status' }));

    const alert = await within(box).findByRole('alert');
    expect(alert).toHaveTextContent("The status 'Escalated' cannot follow 'Open' at this site.");
    expect(within(box).getByRole('textbox', { name: /^Note/ })).toHaveValue('Keep me.');
  });

  it('keeps the note and offers Retry when the network fails before the server wrote it', async () => {
    harness = await createDetailHarness({ shape });
    await harness.control('faults', { path: '^/tickets/\\d+/AddNote$', drop: true, count: 1 });
    const user = userEvent.setup();
    await openTicket(harness);
    const before = (await serverNotes(harness, 101)).length;

    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await user.type(screen.getByRole('textbox', { name: /^Note/ }), 'Sent on a bad network.');
    await user.click(screen.getByRole('button', { name: 'Send note' }));
    const pending = await screen.findByTestId('pending-note');
    const retry = await within(pending).findByRole('button', { name: 'Retry' });
    expect(pending).toHaveTextContent('Sent on a bad network.');
    expect(await serverNotes(harness, 101)).toHaveLength(before);

    await user.click(retry);
    await waitFor(() => expect(screen.queryByTestId('pending-note')).toBeNull());
    const after = await serverNotes(harness, 101);
    expect(after.filter((n) => n['5']?.Value === 'Sent on a bad network.')).toHaveLength(1);
  });

  it('never doubles a note whose answer was lost after the server wrote it', async () => {
    harness = await createDetailHarness({ shape });
    await harness.control('faults', { path: '^/tickets/\\d+/AddNote$', drop: true, after: true, count: 1 });
    const user = userEvent.setup();
    await openTicket(harness);
    const before = (await serverNotes(harness, 101)).length;

    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await user.type(screen.getByRole('textbox', { name: /^Note/ }), 'Written, answer lost.');
    await user.click(screen.getByRole('button', { name: 'Send note' }));

    await waitFor(() => expect(screen.queryByTestId('pending-note')).toBeNull());
    expect(
      screen.getAllByTestId('note').filter((n) => n.textContent?.includes('Written, answer lost.')),
    ).toHaveLength(1);
    const after = await serverNotes(harness, 101);
    expect(after).toHaveLength(before + 1);
    expect(harness.requests().filter((r) => r.method === 'POST' && /AddNote/i.test(r.path))).toHaveLength(1);
  });

  it('sends a status change once after the token expired mid-way, with the note intact', async () => {
    harness = await createDetailHarness({ shape });
    const user = userEvent.setup();
    await openTicket(harness);
    await user.click(screen.getByRole('button', { name: 'Change status' }));
    const box = await dialog('Change status of ticket 101');
    await pick(user, 'Status', /^Escalated/, box);
    await user.type(within(box).getByRole('textbox', { name: /^Note/ }), 'After a renewal.');
    await harness.control('expire-tokens', {});
    await user.click(within(box).getByRole('button', { name: 'Change status' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const notes = await serverNotes(harness, 101);
    expect(notes.filter((n) => n['5']?.Value === 'After a renewal.')).toHaveLength(1);
  });

  it('keeps the composer’s text as a draft per ticket and brings it back after a remount', async () => {
    harness = await createDetailHarness({ shape });
    const user = userEvent.setup();
    await openTicket(harness);
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await user.type(screen.getByRole('textbox', { name: /^Note/ }), 'Half a thought');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Add note' })).toHaveFocus();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    // A "reload": everything unmounts and the route renders again.
    document.body.innerHTML = '';
    harness.services.queryClient.clear();
    await openTicket(harness);
    expect(screen.getByText('Unsent note draft:')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue draft' }));
    expect(screen.getByRole('textbox', { name: /^Note/ })).toHaveValue('Half a thought');
  });
});

describe('keyboard shortcuts', () => {
  it('opens the shortcut sheet with ? and lists every registered shortcut', async () => {
    harness = await createDetailHarness();
    const user = userEvent.setup();
    render(
      <AppProviders config={harness.config} services={harness.services} env="test">
        <KeyboardShortcutsSheet />
      </AppProviders>,
    );
    await user.keyboard('?');
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const shortcut of keyboardShortcuts)
      expect(within(sheet).getByText(shortcut.description)).toBeInTheDocument();
  });

  it('opens Change status with s and Add note with n, but not while typing in a field', async () => {
    harness = await createDetailHarness();
    const user = userEvent.setup();
    await openTicket(harness);
    await user.click(screen.getByRole('heading', { level: 1 }));
    await user.keyboard('n');
    const note = await screen.findByRole('textbox', { name: /^Note/ });
    await user.type(note, 'sn');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(note).toHaveValue('sn');
    await user.keyboard('{Escape}');
    await user.keyboard('s');
    expect(await screen.findByRole('dialog', { name: 'Change status of ticket 101' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The focus trap hands focus back as it unmounts, which can be a tick after the dialog leaves the tree.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Change status' })).toHaveFocus());
  });
});
