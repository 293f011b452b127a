import { test, expect, expectTicketShown, goToTicket, openDetailTab } from './support/fixtures.ts';
import { axeViolations } from './support/axe.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`the sign-in page has no WCAG 2.2 AA violation (${colorScheme})`, async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });

    test(`the ticket detail view has no WCAG 2.2 AA violation, on every tab (${colorScheme})`, async ({
      page,
      signIn,
    }) => {
      // Three axe passes over a page with dozens of notes take a while on two cores.
      test.slow();
      await signIn();
      await goToTicket(page, 101);
      await expectTicketShown(page, 101);
      expect(await axeViolations(page), 'with the notes tab open').toEqual([]);
      await openDetailTab(page, 'Attachments');
      expect(await axeViolations(page), 'with the attachments tab open').toEqual([]);
      await openDetailTab(page, 'Assignments');
      expect(await axeViolations(page), 'with the assignments tab open').toEqual([]);
    });
  });
}
