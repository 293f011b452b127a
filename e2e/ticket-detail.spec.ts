import {
  test,
  expect,
  detailTab,
  expectTicketShown,
  fillSignIn,
  goToTicket,
  openDetailTab,
} from './support/fixtures.ts';

test.describe('the ticket detail journey', () => {
  test('a technician signs in, opens ticket 101 from the header box and sees its fields, notes, attachments and assignments @sub-path', async ({
    page,
    signIn,
  }) => {
    await signIn();
    await goToTicket(page, 101);
    await expectTicketShown(page, 101);

    const main = page.getByRole('main');
    for (const section of ['Requestor', 'Assignment', 'Classification']) {
      await expect(main.getByRole('region', { name: section, exact: true })).toBeVisible();
    }
    await expect(
      main
        .getByRole('term')
        .filter({ hasText: /^Status$/ })
        .first(),
    ).toBeVisible();

    // Each list says how many it holds (issue 3); the seed gives 101 many notes, >= 2 attachments and assignments.
    await expect(detailTab(page, 'Notes')).toHaveText(/Notes\s*\d+/);
    await expect(detailTab(page, 'Attachments')).toHaveText(/Attachments\s*([2-9]|\d\d)/);
    await expect(detailTab(page, 'Assignments')).toHaveText(/Assignments\s*([2-9]|\d\d)/);

    const notes = await openDetailTab(page, 'Notes');
    expect(await notes.getByRole('listitem').count()).toBeGreaterThanOrEqual(10);

    const attachments = await openDetailTab(page, 'Attachments');
    const links = attachments.getByRole('link');
    await expect(links.first()).toBeVisible();
    // A URL attachment opens in a new tab without handing the opener to the other site.
    const external = attachments.locator('a[target="_blank"]');
    expect(await external.count()).toBeGreaterThanOrEqual(1);
    for (const link of await external.all()) {
      await expect(link).toHaveAttribute('rel', /noopener/);
      await expect(link).toHaveAttribute('rel', /noreferrer/);
    }

    const assignments = await openDetailTab(page, 'Assignments');
    await expect(
      assignments
        .getByText('TECH1')
        .or(assignments.getByText(/Alex Rivera/))
        .first(),
    ).toBeVisible();
  });

  test('a deep link to a ticket survives signing in @sub-path', async ({ page }) => {
    await page.goto('tickets/101');
    await expect(page.getByLabel('Login ID', { exact: true })).toBeVisible();
    await fillSignIn(page);
    await expect(page).toHaveURL(/\/tickets\/101$/);
    await expectTicketShown(page, 101);
  });
});
