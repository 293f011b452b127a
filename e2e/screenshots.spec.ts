import { test, expect, detailTab, expectTicketShown, goToTicket } from './support/fixtures.ts';
import { saveScreen } from './support/screens.ts';

// Pictures for a person to look at (issue 3, "looked at"), in test-results/screens/. Each picture is taken
// before the layout is judged, so that a broken layout is photographed too.
const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries(viewports)) {
    test.describe(`${colorScheme} ${device}`, () => {
      test.use({ colorScheme, viewport });

      test(`photographs the sign-in page, which fits the ${device} width (${colorScheme})`, async ({
        page,
      }) => {
        await page.goto('./');
        await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
        await saveScreen(page, `sign-in-${colorScheme}-${device}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
      });

      test(`photographs the ticket detail view, which fits the ${device} width (${colorScheme})`, async ({
        page,
        signIn,
      }) => {
        await signIn();
        await goToTicket(page, 101);
        await expect(detailTab(page, 'Notes')).toBeAttached();
        await saveScreen(page, `detail-${colorScheme}-${device}`);
        if (device === 'desktop') {
          await saveScreen(page, `detail-${colorScheme}-${device}-full`, { fullPage: true });
        }
        // The summary reads as lines of words, not a column of letters squeezed by the header's buttons.
        const charactersPerLine = await page
          .getByRole('main')
          .getByRole('heading', { level: 1 })
          .evaluate((heading) => {
            const range = document.createRange();
            range.selectNodeContents(heading);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
            return (heading.textContent ?? '').length / Math.max(lines, 1);
          });
        expect(charactersPerLine, 'characters per line of the summary').toBeGreaterThanOrEqual(10);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        await expectTicketShown(page, 101);
      });
    });
  }
}
