import { test, expect, fillSignIn, goToTicket } from './support/fixtures.ts';

test.describe('the ticket detail journey', () => {
  test('a technician signs in, opens ticket 101 from the header box and sees its fields, notes, attachments and assignments @sub-path', async ({
    page,
    signIn,
  }) => {
    await signIn();
    await goToTicket(page, 101);

    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toContainText('101');
    for (const section of ['Requestor', 'Classification']) {
      await expect(main.getByRole('heading', { name: section, exact: false }).first()).toBeVisible();
    }
    await expect(main.getByText('Status', { exact: true }).first()).toBeVisible();

    // Each list says how many it holds (issue 3): ticket 101 has >= 30 notes, >= 2 attachments and assignments.
    await expect(main.getByRole('heading', { name: /notes/i }).first()).toBeVisible();
    await expect(main.getByRole('heading', { name: /attachments/i }).first()).toContainText(/\d/);
    await expect(main.getByRole('heading', { name: /assignments/i }).first()).toContainText(/\d/);

    // A URL attachment opens in a new tab without handing the opener to the other site.
    const externalLinks = main.locator('a[target="_blank"]');
    await expect(externalLinks.first()).toBeVisible();
    for (const link of await externalLinks.all()) {
      await expect(link).toHaveAttribute('rel', /noopener/);
      await expect(link).toHaveAttribute('rel', /noreferrer/);
    }
  });

  test('a deep link to a ticket survives signing in @sub-path', async ({ page, control }) => {
    void control;
    await page.goto('tickets/101');
    await expect(page.getByLabel('Login ID', { exact: true })).toBeVisible();
    await fillSignIn(page);
    await expect(page).toHaveURL(/\/tickets\/101$/);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toContainText('101');
  });
});
