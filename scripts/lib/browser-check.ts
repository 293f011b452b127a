// The deep-link journey of issue 3 through a deployment recipe, in Chromium, with the recipe's CSP enforced.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../find-chromium.mjs';
import { watchCspViolations } from '../../e2e/support/csp-guard.ts';

export function itRunsTheAppInChromium(getOrigin: () => string, base: string): void {
  it(`opens ${base}tickets/101 signed out, signs in and shows ticket 101 with no CSP violation`, async () => {
    const executablePath = findChromium();
    const browser = await chromium.launch({
      headless: true,
      args: chromiumArgs,
      ...(executablePath ? { executablePath } : {}),
    });
    try {
      const context = await browser.newContext();
      const violations = await watchCspViolations(context);
      const page = await context.newPage();
      const failedScripts: string[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script' && response.status() >= 400) {
          failedScripts.push(`${response.status()} ${response.url()}`);
        }
      });
      await page.goto(`${getOrigin()}${base}tickets/101`);
      await page.getByLabel('Group', { exact: true }).fill('HELP DESK', { timeout: 15_000 });
      await page.getByLabel('Login ID', { exact: true }).fill('TECH1');
      await page.getByLabel('Password', { exact: true }).fill('welcome');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('main').getByText('Ticket #101', { exact: true }).waitFor({ timeout: 15_000 });
      assert.equal(new URL(page.url()).pathname, `${base}tickets/101`);
      assert.deepEqual(failedScripts, []);
      assert.deepEqual(violations, []);
    } finally {
      await browser.close();
    }
  });
}
