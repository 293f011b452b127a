import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWireDate, formatDateTime } from '../../src/fields/codecs.ts';
import {
  forgetKeptTicketLists,
  readPinnedTickets,
  readRecentTickets,
  ticketListOwner,
} from '../../src/features/tickets/recent-tickets.ts';
import { createDetailHarness, renderDetail, type DetailHarness } from './ticket-detail-harness.tsx';

// The ticket detail route against the in-process emulator (real client, session and QueryClient), in both
// envelope shapes (decisions.md, Envelopes).

let harness: DetailHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
  window.localStorage.clear();
  forgetKeptTicketLists();
});

type WireRecord = Record<string, { DisplayName: string; Value: unknown }>;

/** Ticket 101 as the server has it, read beside the app with the emulator's own sign-in helper. */
async function wireTicket(h: DetailHarness, id: number): Promise<WireRecord> {
  const token = await h.emulator.signIn();
  const response = await h.emulator.fetch(`${h.emulator.baseUrl}/tickets/${id}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { Ticket?: WireRecord; Tickets?: WireRecord };
  return (body.Ticket ?? body.Tickets)!;
}

async function openTicket101(h: DetailHarness) {
  const view = renderDetail(h, '/tickets/101');
  await screen.findByRole('heading', { level: 1, name: /Outlook keeps asking for password/ });
  // The notes list is the last of the four to matter for most tests.
  await waitFor(() => expect(screen.getAllByTestId('note').length).toBeGreaterThan(0));
  return view;
}

function factValue(label: string): HTMLElement {
  const term = screen.getAllByText(label, { selector: 'dt' })[0]!;
  return term.nextElementSibling as HTMLElement;
}

describe.each(['observed', 'doc'] as const)('ticket detail route (%s shape)', (shape) => {
  it('shows the header: number, summary, status, priority, assignee, requestor and an overdue due date', async () => {
    harness = await createDetailHarness({ shape });
    const wire = await wireTicket(harness, 101);
    await openTicket101(harness);

    expect(screen.getByText('Ticket #101')).toBeInTheDocument();
    const status = screen.getByTestId('status-badge');
    expect(status).toHaveTextContent(String(wire['96']!.Value));
    expect(status).toHaveAttribute('data-status-type', 'open');
    expect(factValue('Priority')).toHaveTextContent('2 - High');
    expect(factValue('Assignee')).toHaveTextContent(String(wire['157']!.Value));
    expect(factValue('Requestor')).toHaveTextContent(String(wire['149']!.Value));
    const due = parseWireDate(wire['100']!.Value as string)!;
    const dueFact = factValue('Due');
    expect(dueFact).toHaveTextContent(formatDateTime(due));
    // Overdue is said in words (and an icon), not by colour alone.
    expect(within(dueFact).getByText('Overdue')).toBeInTheDocument();
  });

  it('shows the fields in sections with the server’s display names, hiding empty sections and Seq_ keys', async () => {
    harness = await createDetailHarness({ shape });
    const wire = await wireTicket(harness, 101);
    const user = userEvent.setup();
    await openTicket101(harness);

    const sectionTitles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(sectionTitles).toEqual(
      expect.arrayContaining([
        'Requestor',
        'Assignment',
        'Classification',
        'Dates and SLA',
        'Custom fields',
        'System',
      ]),
    );
    expect(sectionTitles).not.toContain('Purchase order');
    expect(sectionTitles).not.toContain('Change');

    // Renamed fields (interfaces.md): seq 85 "Custom Text 1" is "Asset Tag", 116 is "Building".
    const custom = screen.getByRole('region', { name: 'Custom fields' });
    expect(within(custom).getByText('Asset Tag').nextElementSibling).toHaveTextContent('CT-004512');
    expect(within(custom).getByText('Building').nextElementSibling).toHaveTextContent('Building A');
    expect(within(custom).getByText('Warranty Expires')).toBeInTheDocument();
    expect(within(custom).queryByText('Custom Text 1')).toBeNull();

    // Dates in the browser's time zone and locale.
    const dates = screen.getByRole('region', { name: 'Dates and SLA' });
    const opened = parseWireDate(wire['12']!.Value as string)!;
    expect(within(dates).getByText(wire['12']!.DisplayName.trim()).nextElementSibling).toHaveTextContent(
      formatDateTime(opened),
    );

    const seqLabels = () => screen.queryAllByText(/^Seq_/, { selector: 'dt' });
    expect(seqLabels()).toHaveLength(0);
    await user.click(screen.getByRole('switch', { name: 'Show internal fields' }));
    expect(seqLabels().length).toBeGreaterThan(0);
    await user.click(screen.getByRole('switch', { name: 'Show internal fields' }));
    expect(seqLabels()).toHaveLength(0);
  });

  it('lists notes newest first with who, when, type and activity, and marks private notes unmistakably', async () => {
    harness = await createDetailHarness({ shape });
    await openTicket101(harness);

    const notes = screen.getAllByTestId('note');
    expect(notes.length).toBeGreaterThanOrEqual(25);
    const times = notes.map((note) => Date.parse(note.querySelector('time')!.getAttribute('datetime')!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(screen.getByRole('tab', { name: new RegExp(`Notes\\s*${notes.length}`) })).toBeInTheDocument();

    const first = notes[0]!;
    expect(within(first).getByText('Type')).toBeInTheDocument();
    expect(within(first).getByText('Activity')).toBeInTheDocument();

    const privateNotes = notes.filter((note) => note.hasAttribute('data-private'));
    expect(privateNotes.length).toBeGreaterThan(0);
    for (const note of privateNotes) {
      expect(within(note).getByText('Private')).toBeInTheDocument();
      expect(note.querySelector('svg')).not.toBeNull();
    }
    const publicNotes = notes.filter((note) => !note.hasAttribute('data-private'));
    expect(publicNotes.length).toBeGreaterThan(0);
    for (const note of publicNotes) expect(within(note).queryByText('Private')).toBeNull();

    // Durations in hours and minutes.
    expect(notes.some((note) => /Duration:?\s*\d+ min/.test(note.textContent ?? ''))).toBe(true);
  });

  it('cuts a long note and fetches the whole text on "Show full note"', async () => {
    harness = await createDetailHarness({ shape });
    const user = userEvent.setup();
    await openTicket101(harness);

    const limit = harness.config.display.noteMaxContentLength;
    const cutNote = screen.getAllByTestId('note').find((note) => within(note).queryByText('Show full note'))!;
    expect(cutNote).toBeDefined();
    expect(within(cutNote).getByTestId('note-text').textContent!.length).toBeLessThanOrEqual(limit);

    await user.click(within(cutNote).getByRole('button', { name: 'Show full note' }));
    await waitFor(() =>
      expect(within(cutNote).getByTestId('note-text').textContent!.length).toBeGreaterThan(5000),
    );
    expect(harness.requests().some((r) => /^\/tickets\/Note\/\d+$/i.test(r.path))).toBe(true);
    expect(within(cutNote).getByRole('button', { name: 'Show less' })).toBeInTheDocument();
  });

  it('shows system notes only when asked, with SystemNote=true', async () => {
    harness = await createDetailHarness({ shape });
    const user = userEvent.setup();
    await openTicket101(harness);

    const systemNotes = () =>
      screen.getAllByTestId('note').filter((note) => note.hasAttribute('data-system'));
    expect(systemNotes()).toHaveLength(0);
    const userNoteCount = screen.getAllByTestId('note').length;

    await user.click(screen.getByRole('switch', { name: 'Show system notes' }));
    await waitFor(() => expect(systemNotes().length).toBeGreaterThan(0));
    expect(screen.getAllByTestId('note').length).toBeGreaterThan(userNoteCount);
    expect(harness.requests().some((r) => /\/Notes\/.*SystemNote=true/i.test(r.path))).toBe(true);
    for (const note of systemNotes()) expect(within(note).getByText('System')).toBeInTheDocument();
  });

  it('shows attachments and assignments with their counts; URL attachments open safely in a new tab', async () => {
    harness = await createDetailHarness({ shape });
    const user = userEvent.setup();
    await openTicket101(harness);

    const attachmentsTab = await screen.findByRole('tab', { name: /Attachments\s*4/ });
    await user.click(attachmentsTab);
    const attachments = await screen.findAllByTestId('attachment');
    expect(attachments).toHaveLength(4);
    expect(screen.getByText('outlook-credential-prompt.png')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: /support\.microsoft\.com/ });
    expect(link).toHaveAttribute('href', 'https://support.microsoft.com/outlook-password-prompts');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // A javascript: "URL attachment" is shown as text, never as a link.
    expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
    for (const anchor of document.querySelectorAll('a')) {
      expect(anchor.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
    }

    await user.click(screen.getByRole('tab', { name: /Assignments\s*2/ }));
    const assignments = await screen.findAllByTestId('assignment');
    expect(assignments).toHaveLength(2);
    expect(screen.getByText(/Clear cached credentials and rebuild Outlook profile/)).toBeInTheDocument();
    expect(screen.getByText(/Desk-side visit/)).toBeInTheDocument();
    expect(within(assignments[0]!).getByText('Technician')).toBeInTheDocument();
  });

  it('shows a hostile note’s markup as literal text and creates no element from it', async () => {
    harness = await createDetailHarness({ shape });
    const { container } = await openTicket101(harness);

    const texts = screen.getAllByTestId('note-text').map((node) => node.textContent ?? '');
    expect(texts.some((t) => t.includes('<script>alert(1)</script>'))).toBe(true);
    expect(texts.some((t) => t.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(texts.some((t) => t.includes('<a href="javascript:alert(1)">'))).toBe(true);
    expect(container.querySelectorAll('script')).toHaveLength(0);
    expect(container.querySelectorAll('img')).toHaveLength(0);
    expect(container.querySelectorAll('a[href^="javascript"]')).toHaveLength(0);
    // Line breaks kept, RTL text given its own direction.
    const noteText = screen.getAllByTestId('note-text')[0]!;
    expect(noteText).toHaveAttribute('dir', 'auto');
    expect(noteText.style.whiteSpace).toBe('pre-wrap');
    expect(texts.some((t) => t.includes('Line one\r\nLine two'))).toBe(true);
  });
});

describe('ticket detail route: loading and failure states', () => {
  it('starts the ticket, notes, attachments and assignments requests together', async () => {
    harness = await createDetailHarness({ latencyMs: 40 });
    await openTicket101(harness);

    const four = [
      /^\/tickets\/101$/i,
      /^\/tickets\/101\/Notes\//i,
      /^\/tickets\/101\/Attachments\//i,
      /^\/tickets\/101\/Assignments\//i,
    ];
    const events = harness.events.filter((e) => four.some((re) => re.test(e.path)));
    const starts = events.filter((e) => e.phase === 'start');
    for (const re of four) expect(starts.filter((e) => re.test(e.path))).toHaveLength(1);
    const firstEnd = events.findIndex((e) => e.phase === 'end');
    const lastStart = events.map((e) => e.phase).lastIndexOf('start');
    expect(lastStart).toBeLessThan(firstEnd);
  });

  it('makes no request when the ticket is opened again while its data is fresh', async () => {
    harness = await createDetailHarness();
    const { router } = await openTicket101(harness);
    await waitFor(() => expect(screen.getByRole('tab', { name: /Assignments\s*2/ })).toBeInTheDocument());
    const before = harness.requests().length;

    await act(() => router.navigate('/'));
    expect(await screen.findByRole('heading', { name: 'Start page' })).toBeInTheDocument();
    await act(() => router.navigate('/tickets/101'));
    expect(screen.getByRole('heading', { level: 1, name: /Outlook keeps asking/ })).toBeInTheDocument();
    expect(screen.getAllByTestId('note').length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(harness.requests()).toHaveLength(before);
  });

  it('records the ticket as recently viewed and pins it from the header', async () => {
    harness = await createDetailHarness();
    const user = userEvent.setup();
    await openTicket101(harness);
    const owner = ticketListOwner({ group: 'HELP DESK', login: 'TECH1' });
    // Recorded when the browser is idle (jsdom has no requestIdleCallback: the fallback waits up to a second).
    await waitFor(() => expect(readRecentTickets(owner)[0]?.id).toBe(101), { timeout: 3000 });
    expect(readRecentTickets(owner)[0]?.summary).toMatch(/Outlook keeps asking/);

    await user.click(screen.getByRole('button', { name: 'Pin' }));
    expect(readPinnedTickets(owner).map((t) => t.id)).toEqual([101]);
    expect(screen.getByRole('button', { name: 'Unpin' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Unpin' }));
    expect(readPinnedTickets(owner)).toEqual([]);
  });

  it('records a ticket left before the browser was idle as recently viewed all the same', async () => {
    harness = await createDetailHarness();
    const view = await openTicket101(harness);
    const owner = ticketListOwner({ group: 'HELP DESK', login: 'TECH1' });
    // Left at once, before the idle-time recording (jsdom's fallback waits a second).
    view.unmount();
    expect(readRecentTickets(owner)[0]?.id).toBe(101);
  });

  it.each(['abc', '-1', '0', '1.5', '99999999999'])(
    'says /tickets/%s is not a ticket number without a request',
    async (raw) => {
      harness = await createDetailHarness();
      renderDetail(harness, `/tickets/${raw}`);
      expect(await screen.findByText('That is not a ticket number')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(harness.requests()).toHaveLength(0);
    },
  );

  it('says a ticket outside the technician’s groups was not found, without Retry', async () => {
    harness = await createDetailHarness({ login: { group: 'FIELD SERVICES', login: 'FIELD1' } });
    renderDetail(harness, '/tickets/101');
    expect(await screen.findByText('Ticket 101 was not found')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toBeInTheDocument();
  });

  it('says the technician has no permission on a 403', async () => {
    harness = await createDetailHarness();
    await harness.control('faults', {
      path: '^/tickets/101$',
      status: 403,
      count: 5,
      body: JSON.stringify({ Message: 'You do not have the View Ticket permission.' }),
    });
    renderDetail(harness, '/tickets/101');
    expect(await screen.findByText('You do not have permission to view ticket 101')).toBeInTheDocument();
    expect(screen.getByText(/You do not have the View Ticket permission\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('says the server had a problem on a 500 and loads the ticket on Retry', async () => {
    harness = await createDetailHarness();
    // The client retries a failed GET twice itself (src/api/client.ts), so three faults reach the screen.
    await harness.control('faults', { path: '^/tickets/101$', status: 500, count: 3 });
    const user = userEvent.setup();
    renderDetail(harness, '/tickets/101');
    expect(
      await screen.findByText('The Track-It! server had a problem', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /Outlook keeps asking/ }),
    ).toBeInTheDocument();
  });

  it('says the answer could not be read on a malformed body and loads the ticket on Retry', async () => {
    harness = await createDetailHarness();
    await harness.control('faults', { path: '^/tickets/101$', malformed: true, count: 1 });
    const user = userEvent.setup();
    renderDetail(harness, '/tickets/101');
    expect(await screen.findByText('The server’s answer could not be read')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /Outlook keeps asking/ }),
    ).toBeInTheDocument();
  });

  it('says the server cannot be reached when the network is down and loads the ticket on Retry', async () => {
    harness = await createDetailHarness();
    await harness.control('faults', { path: '^/tickets/101$', drop: true, count: 3 });
    const user = userEvent.setup();
    renderDetail(harness, '/tickets/101');
    expect(
      await screen.findByText('The Track-It! server cannot be reached', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /Outlook keeps asking/ }),
    ).toBeInTheDocument();
  });

  it('shows the ticket when only its notes fail, with Retry in the notes panel', async () => {
    harness = await createDetailHarness();
    await harness.control('faults', { path: '^/tickets/101/Notes/', status: 500, count: 3 });
    const user = userEvent.setup();
    renderDetail(harness, '/tickets/101');
    expect(
      await screen.findByRole('heading', { level: 1, name: /Outlook keeps asking/ }),
    ).toBeInTheDocument();
    const notesPanel = await screen.findByRole('tabpanel', { name: /Notes/ });
    expect(
      await within(notesPanel).findByText('The Track-It! server had a problem', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    await user.click(within(notesPanel).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getAllByTestId('note').length).toBeGreaterThan(0));
  });
});
