import { test, expect, goToTicket } from './support/fixtures.ts';
import { saveScreen } from './support/screens.ts';

// Pictures of the edit form, the template picker, the create form and the conflict dialog (issue 4, "looked
// at"), light and dark, desktop and phone, in test-results/screens/. Each page must fit the width.
const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries(viewports)) {
    test.describe(`forms ${colorScheme} ${device}`, () => {
      test.use({ colorScheme, viewport });

      test(`photographs the edit form and the conflict dialog (${colorScheme} ${device})`, async ({
        page,
        signIn,
        emulator,
      }) => {
        await signIn();
        await goToTicket(page, 101);
        await page.goto('./tickets/101/edit');
        const form = page.getByRole('form', { name: 'Edit ticket 101' });
        await expect(form).toBeVisible();
        await form.getByLabel('Ticket Summary', { exact: true }).fill('Outlook asks for the password again');
        await saveScreen(page, `edit-form-${colorScheme}-${device}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );

        // A colleague's edit behind the form's back, through the WebApi.
        const tokenResponse = await fetch(`${emulator.origin}/TrackIt/WebApi/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=password&username=SYSTEM%20ADMINISTRATION%5CADMIN&password=welcome',
        });
        const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
        const write = await fetch(`${emulator.origin}/TrackIt/WebApi/tickets/101`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            Properties: { 'Ticket Summary': 'Outlook prompts for credentials (admin)' },
          }),
        });
        expect(write.ok).toBe(true);
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await expect(page.getByRole('dialog', { name: /was changed while you were editing/ })).toBeVisible();
        await saveScreen(page, `conflict-dialog-${colorScheme}-${device}`);
      });

      test(`photographs the template picker and the create form (${colorScheme} ${device})`, async ({
        page,
        signIn,
      }) => {
        await signIn();
        await page.getByRole('link', { name: 'New ticket' }).click();
        await expect(page.getByRole('button', { name: 'Use template New Hire' })).toBeVisible();
        await saveScreen(page, `template-picker-${colorScheme}-${device}`);
        if (device === 'desktop')
          await saveScreen(page, `template-picker-${colorScheme}-${device}-full`, { fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        await page.getByRole('button', { name: 'Use template New Hire' }).click();
        await expect(page.getByRole('form', { name: 'New ticket' })).toBeVisible();
        await saveScreen(page, `create-form-${colorScheme}-${device}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
      });
    });
  }
}
