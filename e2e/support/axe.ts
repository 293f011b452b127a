import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// WCAG 2.2 level AA, as issue 3 asks: every A and AA rule up to 2.2.
export const wcag22aaTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** The WCAG 2.2 AA violations on the page as it is now, in a form that reads well in a failed assertion. */
export async function axeViolations(page: Page): Promise<AxeSummary[]> {
  // A dialog that is still fading in is half transparent, and axe would measure the contrast of that frame:
  // wait until no CSS transition or animation runs.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  const results = await new AxeBuilder({ page }).withTags(wcag22aaTags).analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}
