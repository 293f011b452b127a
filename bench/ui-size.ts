// Issue 3: the gzip size of the JavaScript and CSS the sign-in page, the ticket detail view and the ticket list
// load (goals: JS at most 200 kB, CSS at most 25 kB). Measured in Chromium on the built app
// (scripts/lib/route-sizes.ts), the same measurement `npm run test:deploy` holds to budgets.json.
import type { Bench, BenchMetric, BenchResult } from './bench-result.ts';
import { ensureDist } from '../scripts/lib/dist.ts';
import { formatKb, measureRouteSizes } from '../scripts/lib/route-sizes.ts';

const kb = (bytes: number) => Math.round(bytes / 100) / 10;

export const uiSizeBench: Bench = {
  name: 'ui-size',
  async run(): Promise<BenchResult> {
    const distDir = await ensureDist();
    const sizes = await measureRouteSizes(distDir);
    const metrics: BenchMetric[] = [];
    const notes: string[] = [
      'kB = 1000 bytes; gzip level 9 of each file as built; what the page fetched from its own origin, cache off.',
    ];
    for (const size of sizes) {
      metrics.push(
        {
          name: `${size.route}: JavaScript (gzip)`,
          value: kb(size.js.gzipBytes),
          unit: 'kB',
          goal: { op: '<=', value: 200 },
        },
        {
          name: `${size.route}: CSS (gzip)`,
          value: kb(size.css.gzipBytes),
          unit: 'kB',
          goal: { op: '<=', value: 25 },
        },
        { name: `${size.route}: JavaScript (raw)`, value: kb(size.js.bytes), unit: 'kB' },
      );
      const list = (files: typeof size.files) =>
        files.map((file) => `${file.file} ${formatKb(file.gzipBytes)}`).join(', ');
      notes.push(`${size.route} (${size.journey}): ${list(size.files)}`);
      if (size.idlePrefetch.length > 0) {
        const idleJs = size.idlePrefetch.filter((file) => file.kind === 'js');
        metrics.push({
          name: `${size.route}: JavaScript prefetched while idle (gzip)`,
          value: kb(idleJs.reduce((total, file) => total + file.gzipBytes, 0)),
          unit: 'kB',
        });
        notes.push(`${size.route}, prefetched while idle afterwards: ${list(size.idlePrefetch)}`);
      }
    }
    return {
      name: 'ui-size',
      title: 'UI: JavaScript and CSS each page loads (gzip)',
      metrics,
      notes,
    };
  },
};
