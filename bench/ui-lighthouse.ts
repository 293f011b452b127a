// Issue 6: Lighthouse scores (desktop preset, local Chromium, loopback only) of the sign-in page and the ticket
// detail view of the built app, with the lab metrics behind the performance score. Goals: performance >= 95,
// accessibility 100. `npm run test:deploy` holds the same run to those goals (scripts/test-lighthouse.ts).
import type { Bench, BenchMetric, BenchResult } from './bench-result.ts';
import { ensureDist } from '../scripts/lib/dist.ts';
import { runLighthouse } from '../scripts/lib/lighthouse.ts';

export const uiLighthouseBench: Bench = {
  name: 'ui-lighthouse',
  async run(): Promise<BenchResult> {
    const results = await runLighthouse(await ensureDist());
    const metrics: BenchMetric[] = [];
    for (const scores of results) {
      metrics.push(
        {
          name: `${scores.page}: performance`,
          value: scores.performance,
          unit: 'points',
          goal: { op: '>=', value: 95 },
        },
        {
          name: `${scores.page}: accessibility`,
          value: scores.accessibility,
          unit: 'points',
          goal: { op: '>=', value: 100 },
        },
      );
      for (const [id, value] of Object.entries(scores.metrics)) {
        const isShift = id === 'cumulative-layout-shift';
        metrics.push({
          name: `${scores.page}: ${id}`,
          value: isShift ? Math.round(value * 1000) / 1000 : Math.round(value),
          unit: isShift ? '' : 'ms',
        });
      }
    }
    return {
      name: 'ui-lighthouse',
      title: 'UI: Lighthouse, desktop preset (sign-in page, ticket detail view)',
      metrics,
      notes: [
        'lighthouse 12.8.2 user flow in headless Chromium (puppeteer-core), simulated desktop throttling, one run.',
        'The detail view is measured after signing in through the sign-in page in the same tab.',
        'No list page yet (issue 6 also names one): add it here when it exists.',
      ],
    };
  },
};
