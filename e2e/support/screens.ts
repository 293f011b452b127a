import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from './emulator-process.ts';

export const screensDir = path.join(repoRoot, 'test-results', 'screens');

/** Writes test-results/screens/<name>.png (outside Playwright's per-test output, so they are easy to find). */
export async function saveScreen(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(screensDir, { recursive: true });
  const file = path.join(screensDir, `${name}.png`);
  // Let fonts and transitions settle so that the picture shows what a person sees.
  await page.evaluate(() => document.fonts.ready);
  const fullPage = options.fullPage ?? false;
  // The app skips laying out what is off screen (content-visibility: auto on notes and sections); a full-page
  // picture is taken without scrolling, so it would show those as empty boxes. Render them for the picture.
  const unskip = fullPage
    ? await page.addStyleTag({ content: '* { content-visibility: visible !important; }' })
    : null;
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  await unskip?.evaluate((element) => (element as Element).remove());
  return file;
}
