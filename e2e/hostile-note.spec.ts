import { test, expect, goToTicket, openDetailTab } from './support/fixtures.ts';

// Ticket 101's seed holds notes with `<script>`, `<img src=x onerror=...>` and `javascript:` link text
// (interfaces.md, seed facts). They must read as text and run nothing.
test('a hostile note shows its markup as literal text and runs nothing', async ({ page, signIn }) => {
  await page.addInitScript(() => {
    const trapped = window as unknown as Record<string, unknown>;
    trapped.__xss = 0;
    const trip = () => {
      trapped.__xss = Number(trapped.__xss) + 1;
    };
    window.alert = trip;
    window.confirm = () => (trip(), false);
    window.prompt = () => (trip(), null);
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await signIn();
  await goToTicket(page, 101);
  const main = page.getByRole('main');
  await expect(main.getByText('<script', { exact: false }).first()).toBeVisible();
  await expect(main.getByText('onerror', { exact: false }).first()).toBeAttached();

  // Nothing of the notes became markup: no injected script, image or javascript: link.
  await expect(main.locator('script')).toHaveCount(0);
  await expect(main.locator('img[src="x"], img[onerror]')).toHaveCount(0);
  await expect(main.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(main.locator('[onerror], [onclick], [onload]')).toHaveCount(0);

  // Ticket 101 also has a URL attachment whose link is `javascript:alert(1)`: never a live link.
  const attachments = await openDetailTab(page, 'Attachments');
  await expect(attachments.getByRole('link').first()).toBeVisible();
  await expect(main.locator('a[href^="javascript:" i]')).toHaveCount(0);

  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__xss)).toBe(0);
  expect(dialogs).toEqual([]);
});
