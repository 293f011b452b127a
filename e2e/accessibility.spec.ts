import { test, expect, goToTicket } from './support/fixtures.ts';
import { axeViolations } from './support/axe.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`the sign-in page has no WCAG 2.2 AA violation (${colorScheme})`, async ({ page, control }) => {
      void control;
      await page.goto('./');
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });

    test(`the ticket detail view has no WCAG 2.2 AA violation (${colorScheme})`, async ({ page, signIn }) => {
      await signIn();
      await goToTicket(page, 101);
      await expect(
        page
          .getByRole('main')
          .getByRole('heading', { name: /attachments/i })
          .first(),
      ).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
