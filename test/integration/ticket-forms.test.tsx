import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetForbiddenActions } from '../../src/api/forbidden-actions.ts';
import { createFormsHarness, renderForms, type FormsHarness } from './ticket-forms-harness.tsx';

const shapes = ['observed', 'doc'] as const;

async function openEditForm(harness: FormsHarness, id = 101) {
  const view = renderForms(harness, `/tickets/${id}/edit`);
  await screen.findByRole('form', { name: `Edit ticket ${id}` }, { timeout: 10_000 });
  // The first section paints first; the rest follow in a transition.
  await screen.findByRole('heading', { name: 'Classification' }, { timeout: 10_000 });
  return view;
}

/** Clears a field and pastes the text: one change event instead of one per character (much faster in jsdom). */
async function replaceText(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

function summaryInput(): HTMLInputElement {
  return screen.getByLabelText('Ticket Summary') as HTMLInputElement;
}

async function serverTicket(harness: FormsHarness, id: number): Promise<Record<string, unknown>> {
  const token = await harness.emulator.signIn();
  const response = await harness.emulator.fetch(`${harness.emulator.baseUrl}/tickets/${id}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await response.json()) as Record<string, unknown>;
}

/** The ticket summary as the server has it, whichever shape (fields keyed by seq or by name). */
async function serverSummary(harness: FormsHarness, id: number): Promise<string> {
  return JSON.stringify(await serverTicket(harness, id));
}

describe.each(shapes)('ticket forms (%s shape)', (shape) => {
  let harness: FormsHarness;
  beforeEach(async () => {
    localStorage.clear();
    resetForbiddenActions();
    harness = await createFormsHarness({ shape });
  });
  afterEach(() => {
    harness.close();
  });

  it('saves an edit, sending only the changed field keyed by its display name', async () => {
    const user = userEvent.setup();
    const { router } = await openEditForm(harness);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await replaceText(user, summaryInput(), 'Printer on 3rd floor jams');
    expect(save).toBeEnabled();
    await user.click(save);
    await screen.findByRole('heading', { name: 'Ticket page 101' }, { timeout: 10_000 });
    const posts = harness.posts(/^\/tickets\/101$/i);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ Properties: { 'Ticket Summary': 'Printer on 3rd floor jams' } });
    expect(router.state.location.pathname).toBe('/tickets/101');
    expect(await serverSummary(harness, 101)).toContain('Printer on 3rd floor jams');
  });

  it('re-reads the ticket before writing and shows a colleague’s change field by field', async () => {
    const user = userEvent.setup();
    await openEditForm(harness);
    await replaceText(user, summaryInput(), 'Mine');
    await harness.changeBehindTheBack(101, { 'Ticket Summary': 'Theirs' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: /Ticket 101 was changed while you were editing/ },
      { timeout: 5000 },
    );
    const table = within(dialog).getByRole('table', { name: 'Fields you both changed' });
    const row = within(table).getByRole('row', { name: /Ticket Summary/ });
    expect(row).toHaveTextContent('Theirs');
    expect(row).toHaveTextContent('Mine');
    expect(within(dialog).getByText(/ADMIN/)).toBeInTheDocument();
    expect(harness.posts(/^\/tickets\/101$/i)).toHaveLength(0);
  });

  it('keeps mine: saves my value over theirs after the conflict', async () => {
    const user = userEvent.setup();
    await openEditForm(harness);
    await replaceText(user, summaryInput(), 'Mine');
    await harness.changeBehindTheBack(101, { 'Ticket Summary': 'Theirs' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: /was changed while you were editing/ },
      { timeout: 5000 },
    );
    await user.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await screen.findByRole('heading', { name: 'Ticket page 101' }, { timeout: 10_000 });
    expect(harness.posts(/^\/tickets\/101$/i).at(-1)!.body).toEqual({
      Properties: { 'Ticket Summary': 'Mine' },
    });
    expect(await serverSummary(harness, 101)).toContain('"Mine"');
  });

  it('takes theirs: their value fills the conflicting field, my other change stays, nothing is sent', async () => {
    const user = userEvent.setup();
    await openEditForm(harness);
    await replaceText(user, summaryInput(), 'Mine');
    const title = screen.getByLabelText('Requestor Title') as HTMLInputElement;
    await replaceText(user, title, 'Night manager');
    await harness.changeBehindTheBack(101, { 'Ticket Summary': 'Theirs' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: /was changed while you were editing/ },
      { timeout: 5000 },
    );
    await user.click(within(dialog).getByRole('button', { name: 'Take theirs' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(summaryInput().value).toBe('Theirs');
    expect((screen.getByLabelText('Requestor Title') as HTMLInputElement).value).toBe('Night manager');
    expect(harness.posts(/^\/tickets\/101$/i)).toHaveLength(0);
    // Saving now sends my remaining change only, and no conflict is shown again.
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { name: 'Ticket page 101' }, { timeout: 10_000 });
    expect(harness.posts(/^\/tickets\/101$/i).at(-1)!.body).toEqual({
      Properties: { 'Requestor Title': 'Night manager' },
    });
  });

  it('goes back: the form is as it was and nothing is sent', async () => {
    const user = userEvent.setup();
    await openEditForm(harness);
    await replaceText(user, summaryInput(), 'Mine');
    await harness.changeBehindTheBack(101, { 'Ticket Summary': 'Theirs' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: /was changed while you were editing/ },
      { timeout: 5000 },
    );
    await user.click(within(dialog).getByRole('button', { name: 'Go back' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(summaryInput().value).toBe('Mine');
    expect(harness.posts(/^\/tickets\/101$/i)).toHaveLength(0);
    expect(await serverSummary(harness, 101)).toContain('"Theirs"');
  });

  it('creates a ticket from the New Hire template, prefilled, and shows it', async () => {
    const user = userEvent.setup();
    const { router } = renderForms(harness, '/tickets/new');
    await user.click(
      await screen.findByRole('button', { name: 'Use template New Hire' }, { timeout: 10_000 }),
    );
    await screen.findByRole('form', { name: 'New ticket' });
    await screen.findByRole('heading', { name: 'Classification' }, { timeout: 10_000 });
    expect(summaryInput().value).toBe('New hire: accounts, laptop and phone');
    expect((screen.getByLabelText('Additional Information') as HTMLTextAreaElement).value).toContain(
      'Start date:',
    );
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    const heading = await screen.findByRole('heading', { name: /Ticket page \d+/ }, { timeout: 10_000 });
    const id = Number(/\d+/.exec(heading.textContent ?? '')![0]);
    expect(router.state.location.pathname).toBe(`/tickets/${id}`);
    const sent = harness.posts(/^\/tickets$/i)[0]!.body as { Properties: Record<string, unknown> };
    expect(sent.Properties).toMatchObject({
      'Ticket Summary': 'New hire: accounts, laptop and phone',
      'Assigned To Group': 'HELP DESK',
    });
    expect(await serverSummary(harness, id)).toContain('New hire: accounts, laptop and phone');
  });

  it('shows a template whose data cannot be read, and does not offer it', async () => {
    renderForms(harness, '/tickets/new');
    const card = (await screen.findByRole('heading', { name: 'Legacy Import' }, { timeout: 10_000 })).closest(
      '[role=listitem]',
    ) as HTMLElement;
    expect(within(card).getByText("This template's data could not be read")).toBeInTheDocument();
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Blank ticket' })).toBeEnabled();
  });

  it('shows the server’s 400 next to the form and under the field it names', async () => {
    const user = userEvent.setup();
    await openEditForm(harness);
    const location = screen.getByLabelText('Location') as HTMLInputElement;
    await replaceText(user, location, 'Nowhere Land');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole(
      'alert',
      { name: 'The server did not accept this' },
      { timeout: 5000 },
    );
    expect(alert).toHaveTextContent(/was not found/);
    await waitFor(() => expect(location).toHaveAccessibleDescription(/was not found/));
    expect(location.value).toBe('Nowhere Land');
  });

  it('keeps the input and offers Retry when the network fails', async () => {
    const user = userEvent.setup();
    await openEditForm(harness);
    await replaceText(user, summaryInput(), 'Typed before the network dropped');
    await harness.control('faults', { path: '^/tickets/101$', method: 'POST', drop: true, count: 1 });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert', { name: /did not answer/ }, { timeout: 5000 });
    expect(summaryInput().value).toBe('Typed before the network dropped');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('heading', { name: 'Ticket page 101' }, { timeout: 10_000 });
    expect(await serverSummary(harness, 101)).toContain('Typed before the network dropped');
  });

  it('keeps the form on a 500 and says so', async () => {
    const user = userEvent.setup();
    await openEditForm(harness);
    await replaceText(user, summaryInput(), 'Kept through a 500');
    await harness.control('faults', { path: '^/tickets/101$', method: 'POST', status: 500, count: 1 });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert', { name: /could not save the changes/ }, { timeout: 5000 });
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
    expect(summaryInput().value).toBe('Kept through a 500');
  });

  it('restores the typed values after the form is unmounted (a reload or a crash)', async () => {
    const user = userEvent.setup();
    const first = await openEditForm(harness);
    await replaceText(user, summaryInput(), 'Half-typed summary');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    first.unmount();
    await openEditForm(harness);
    expect(summaryInput().value).toBe('Half-typed summary');
    expect(screen.getByText('Your unsaved changes are back')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('submits with Ctrl+Enter', async () => {
    const user = userEvent.setup();
    await openEditForm(harness);
    await replaceText(user, summaryInput(), 'By keyboard');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByRole('heading', { name: 'Ticket page 101' }, { timeout: 10_000 });
  });

  it('asks before leaving a changed form with Escape, and stays on Keep editing', async () => {
    const user = userEvent.setup();
    const { router } = await openEditForm(harness);
    await user.type(summaryInput(), ' more');
    await user.keyboard('{Escape}');
    const dialog = await screen.findByRole('dialog', { name: 'Leave this form?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(router.state.location.pathname).toBe('/tickets/101/edit');
    expect(summaryInput().value).toMatch(/ more$/);
  });
});

describe('ticket forms as a technician without edit permission', () => {
  let harness: FormsHarness;
  beforeEach(async () => {
    localStorage.clear();
    resetForbiddenActions();
    harness = await createFormsHarness({ login: { group: 'HELP DESK', login: 'VIEWER' } });
  });
  afterEach(() => harness.close());

  it('says which permission is missing and turns Save off for the session', async () => {
    const user = userEvent.setup();
    await openEditForm(harness);
    await replaceText(user, summaryInput(), 'Viewer tries');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole(
      'alert',
      { name: 'You do not have permission to save the changes' },
      { timeout: 5000 },
    );
    expect(alert).toHaveTextContent(/You do not have the .+ permission/);
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(summaryInput().value).toBe('Viewer tries');
  });
});
