import { test, expect, expectTicketShown, goToTicket } from './support/fixtures.ts';
import { saveScreen } from './support/screens.ts';

// Pictures for a person to look at (issue 3, "looked at"), in test-results/screens/.
const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries(viewports)) {
    test.describe(`${colorScheme} ${device}`, () => {
      test.use({ colorScheme, viewport });

      test(`photographs the sign-in page (${colorScheme}, ${device})`, async ({ page, control }) => {
        void control;
        await page.goto('./');
        await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
        await saveScreen(page, `sign-in-${colorScheme}-${device}`);
      });

      test(`photographs the ticket detail view (${colorScheme}, ${device})`, async ({ page, signIn }) => {
        await signIn();
        await goToTicket(page, 101);
        await expectTicketShown(page, 101);
        await saveScreen(page, `detail-${colorScheme}-${device}`);
        if (device === 'desktop')
          await saveScreen(page, `detail-${colorScheme}-${device}-full`, { fullPage: true });
      });
    });
  }
}
