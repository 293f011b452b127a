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
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return file;
}
