import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe.ts';
import { test, expect, goToTicket, openDetailTab } from './support/fixtures.ts';
import { saveScreen } from './support/screens.ts';

// Issue 4 journeys: add a private note, change the status with a note, close, delete, a note sent while the
// network drops the answer (no duplicate, no lost text); axe with each dialog open; pictures of each, light and
// dark, desktop and phone. The `control` fixture resets the emulator to the seed before every test.

async function openTicket101(page: Page, signIn: () => Promise<void>) {
  await signIn();
  await goToTicket(page, 101);
  await expect(page.getByRole('main').getByRole('button', { name: 'Add note' })).toBeVisible();
}

async function pick(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** How many notes of ticket 101 on the server have this text (read as ADMIN, beside the app's session). */
async function countNotesOnServer(page: Page, text: string): Promise<number> {
  return page.evaluate(async (wanted) => {
    const token = await fetch('/TrackIt/WebApi/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=SYSTEM%20ADMINISTRATION%5CADMIN&password=welcome',
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const notes = await fetch('/TrackIt/WebApi/tickets/101/Notes/0/0?maxContentLength=-1&SystemNote=false', {
      headers: { Authorization: `Bearer ${token.access_token}` },
    }).then((r) => r.json() as Promise<{ TicketNotes?: Record<string, { Value: unknown }>[] }>);
    return (notes.TicketNotes ?? []).filter((note) => note['5']?.Value === wanted).length;
  }, text);
}

test.describe('ticket actions', () => {
  // axe over a whole detail page takes a while on a busy two-core machine.
  test.setTimeout(90_000);
  test('adds a private note: sending at once, then the server’s note, private', async ({ page, signIn }) => {
    await openTicket101(page, signIn);
    await page.keyboard.press('n');
    const composer = page.getByRole('form', { name: 'New note on ticket 101' });
    await expect(composer.getByRole('textbox', { name: /^Note/ })).toBeFocused();
    await composer.getByRole('textbox', { name: /^Note/ }).fill('Called the requestor; the fix holds.');
    await composer.getByRole('textbox', { name: 'Duration' }).fill('0:10');
    await composer.getByRole('switch', { name: 'Private' }).check({ force: true });
    await expect(composer.getByText('Private — only technicians see this')).toBeVisible();
    await page.keyboard.press('Control+Enter');

    const sent = page.getByTestId('note').filter({ hasText: 'Called the requestor; the fix holds.' });
    await expect(sent).toHaveCount(1);
    await expect(sent).toHaveAttribute('data-private', 'true');
    await expect(page.getByTestId('pending-note')).toHaveCount(0);
    expect(await countNotesOnServer(page, 'Called the requestor; the fix holds.')).toBe(1);
  });

  test('changes the status to Escalated with a note', async ({ page, signIn }) => {
    await openTicket101(page, signIn);
    await page.getByRole('main').getByRole('button', { name: 'Change status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change status of ticket 101' });
    await pick(page, dialog, 'Status', /^Escalated/);
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('Needs the mail team.');
    await dialog.getByRole('button', { name: 'Change status' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('status-badge')).toHaveText('Escalated');
    await expect(page.getByTestId('note').filter({ hasText: 'Needs the mail team.' })).toHaveCount(1);
    await expect(page.getByRole('main').getByRole('button', { name: 'Change status' })).toBeFocused();
  });

  test('closes the ticket with a closing note', async ({ page, signIn }) => {
    await openTicket101(page, signIn);
    await page.getByRole('main').getByRole('button', { name: 'Close ticket' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close ticket 101' });
    await dialog.getByRole('textbox', { name: /^Closing note/ }).fill('Resolved.');
    await dialog.getByRole('button', { name: 'Close ticket 101' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status-type', 'closed');
    await page.getByRole('switch', { name: 'Show system notes' }).check({ force: true });
    await expect(
      page.getByTestId('note').filter({ hasText: 'Ticket closed with status' }).first(),
    ).toBeVisible();
  });

  test('deletes the ticket and goes back where the technician came from', async ({ page, signIn }) => {
    await signIn();
    const start = page.url();
    await goToTicket(page, 101);
    await page.getByRole('main').getByRole('button', { name: 'Delete ticket' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete ticket 101?' });
    await dialog.getByRole('button', { name: 'Delete ticket 101' }).click();
    await expect(page).toHaveURL(start);
    // Gone from the recently viewed list too.
    await page.getByRole('button', { name: 'Tickets', exact: true }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expect(page.getByRole('menuitem', { name: /#101\b/ })).toHaveCount(0);
  });

  test('the network drops the answer while a note is sent: no duplicate, no lost text', async ({
    page,
    signIn,
    control,
  }) => {
    await openTicket101(page, signIn);
    // The server writes the note, then the connection drops. Chromium resends a POST by itself when a reused
    // keep-alive connection closes before any answer, on the next idle connection, again and again (seen: 6
    // attempts for one fetch while the index sync kept several connections open). On a dead network those
    // resends fail too, so the second fault drops them without writing; the app then sees one failed request.
    // (Such a browser-level resend is outside any page's control.)
    await control.addFault({
      path: '^/tickets/\\d+/AddNote$',
      method: 'POST',
      drop: true,
      after: true,
      count: 1,
    });
    await control.addFault({ path: '^/tickets/\\d+/AddNote$', method: 'POST', drop: true, count: 50 });
    await page.getByRole('main').getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('textbox', { name: /^Note/ }).fill('Sent while the connection dropped.');
    await page.getByRole('button', { name: 'Send note' }).click();

    await expect(
      page.getByTestId('note').filter({ hasText: 'Sent while the connection dropped.' }),
    ).toHaveCount(1);
    await expect(page.getByTestId('pending-note')).toHaveCount(0);
    expect(await countNotesOnServer(page, 'Sent while the connection dropped.')).toBe(1);
    // Only the first attempt was written (status 0 = dropped); after the failure the app only read the notes.
    const posts = (await control.log()).filter((r) => r.method === 'POST' && /AddNote$/i.test(r.path));
    expect(posts.every((r) => r.status === 0)).toBe(true);
    expect((await control.log()).some((r) => r.method === 'GET' && /\/Notes\//i.test(r.path))).toBe(true);
  });

  test('the network drops before the server writes: the note stays with Retry, which sends it once', async ({
    page,
    signIn,
    control,
  }) => {
    await openTicket101(page, signIn);
    // Drops for the request and Chromium's own resends of it (see above); nothing is written.
    await control.addFault({ path: '^/tickets/\\d+/AddNote$', method: 'POST', drop: true, count: 50 });
    await page.getByRole('main').getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('textbox', { name: /^Note/ }).fill('Try again later.');
    await page.getByRole('button', { name: 'Send note' }).click();
    const pending = page.getByTestId('pending-note');
    await expect(pending.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(pending).toContainText('Try again later.');
    expect(await countNotesOnServer(page, 'Try again later.')).toBe(0);
    await control.clearFaults();
    await pending.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('note').filter({ hasText: 'Try again later.' })).toHaveCount(1);
    expect(await countNotesOnServer(page, 'Try again later.')).toBe(1);
  });

  test('axe finds no violation with the composer, each dialog and the ? sheet open', async ({
    page,
    signIn,
  }) => {
    // Five full-page axe runs; each takes several seconds on a busy two-core machine.
    test.setTimeout(240_000);
    await openTicket101(page, signIn);
    await page.getByRole('main').getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('switch', { name: 'Private' }).check({ force: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: /^Note/ }).press('Escape');
    await expect(page.getByRole('form', { name: 'New note on ticket 101' })).toBeHidden();

    const dialogs: [string, string][] = [
      ['Change status', 'Change status of ticket 101'],
      ['Close ticket', 'Close ticket 101'],
      ['Delete ticket', 'Delete ticket 101?'],
    ];
    for (const [button, title] of dialogs) {
      await page.getByRole('main').getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog', { name: title });
      await expect(dialog).toBeVisible();
      expect(await axeViolations(page), title).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Shift+?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await axeViolations(page), 'shortcut sheet').toEqual([]);
  });
});

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries(viewports)) {
    test.describe(`ticket actions pictures, ${colorScheme} ${device}`, () => {
      test.use({ colorScheme, viewport });

      test(`photographs the composer and each dialog (${colorScheme} ${device})`, async ({
        page,
        signIn,
      }) => {
        await openTicket101(page, signIn);
        await openDetailTab(page, 'Notes');
        await page.getByRole('main').getByRole('button', { name: 'Add note' }).click();
        const composer = page.getByRole('form', { name: 'New note on ticket 101' });
        await composer
          .getByRole('textbox', { name: /^Note/ })
          .fill('Checked the mailbox rules; nothing odd.');
        await composer.getByRole('switch', { name: 'Private' }).check({ force: true });
        await composer.scrollIntoViewIfNeeded();
        await saveScreen(page, `note-composer-${colorScheme}-${device}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        await composer.getByRole('textbox', { name: /^Note/ }).press('Escape');
        await expect(page.getByRole('button', { name: 'Continue draft' })).toBeVisible();

        await page.getByRole('main').getByRole('button', { name: 'Change status' }).click();
        const status = page.getByRole('dialog', { name: 'Change status of ticket 101' });
        await pick(page, status, 'Status', /^Completed/);
        await status.getByRole('textbox', { name: /^Note/ }).fill('Done.');
        await saveScreen(page, `change-status-${colorScheme}-${device}`);
        await page.keyboard.press('Escape');
        await expect(status).toBeHidden();

        await page.getByRole('main').getByRole('button', { name: 'Close ticket' }).click();
        await expect(page.getByRole('dialog', { name: 'Close ticket 101' })).toBeVisible();
        await saveScreen(page, `close-ticket-${colorScheme}-${device}`);
        await page.keyboard.press('Escape');

        await page.getByRole('main').getByRole('button', { name: 'Delete ticket' }).click();
        await expect(page.getByRole('dialog', { name: 'Delete ticket 101?' })).toBeVisible();
        await saveScreen(page, `delete-ticket-${colorScheme}-${device}`);
        await page.keyboard.press('Escape');

        await page.getByRole('heading', { level: 1 }).click();
        await page.keyboard.press('Shift+?');
        await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
        await saveScreen(page, `shortcuts-${colorScheme}-${device}`);
      });
    });
  }
}
