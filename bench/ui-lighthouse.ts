// Issue 6: Lighthouse scores (desktop preset, local Chromium, loopback only) of the sign-in page, the ticket
// detail view and the ticket list of the built app, with the lab metrics behind the performance score. Goals:
// performance >= 95, accessibility 100. `npm run test:deploy` holds the same run to those goals (scripts/test-lighthouse.ts).
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
      title: 'UI: Lighthouse, desktop preset (sign-in page, ticket detail view, ticket list)',
      metrics,
      notes: [
        'lighthouse 12.8.2 user flow in headless Chromium (puppeteer-core), simulated desktop throttling, one run.',
        'The detail view is measured after signing in through the sign-in page in the same tab.',
        'The list (/tickets, the technician’s own open tickets) is measured on a fresh load once the background ' +
          'sync has filled the ticket index.',
      ],
    };
  },
};
