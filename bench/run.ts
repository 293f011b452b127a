// `npm run bench [-- <filter>...]`: runs every registered bench whose name contains a filter (all without one),
// writes bench/reports/latest.md and latest.json, and prints the markdown. A report, not a pass/fail timer:
// goals are shown as met or missed, and the exit code is non-zero only when a bench fails to run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { goalMet, type Bench, type BenchMetric, type BenchResult } from './bench-result.ts';
import { emulatorHttpBench } from './emulator-http.ts';
import { hasTaskset, projectRoot } from './emulator-process.ts';
import { emulatorSeedBench } from './emulator-seed.ts';
import { indexLoadBench } from './index-load.ts';
import { indexSyncBench } from './index-sync.ts';
import { uiActionsBench } from './ui-actions.ts';
import { uiDetailPaintBench } from './ui-detail-paint.ts';
import { uiFormsBench } from './ui-forms.ts';
import { uiLighthouseBench } from './ui-lighthouse.ts';
import { uiListBench } from './ui-list.ts';
import { uiSizeBench } from './ui-size.ts';

/** Every bench the project knows. Add new ones here (one import, one entry). */
export const benches: Bench[] = [
  emulatorSeedBench,
  emulatorHttpBench,
  uiSizeBench,
  indexLoadBench,
  indexSyncBench,
  uiLighthouseBench,
  uiFormsBench,
  uiActionsBench,
  uiListBench,
  uiDetailPaintBench,
];

interface Failure {
  name: string;
  error: string;
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: projectRoot,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

function formatValue(metric: BenchMetric): string {
  const value = Number.isInteger(metric.value)
    ? metric.value.toLocaleString('en-US')
    : metric.value.toFixed(2);
  return `${value} ${metric.unit}`;
}

function formatGoal(metric: BenchMetric): string {
  if (!metric.goal) return '';
  const met = goalMet(metric);
  return `${metric.goal.op} ${metric.goal.value.toLocaleString('en-US')} ${metric.unit} ${met ? '✅ met' : '❌ missed'}`;
}

function toMarkdown(
  environment: Record<string, string>,
  results: BenchResult[],
  failures: Failure[],
): string {
  const lines = ['# Benchmark report', ''];
  for (const [key, value] of Object.entries(environment)) lines.push(`- ${key}: ${value}`);
  for (const result of results) {
    lines.push('', `## ${result.title}`, '', '| Metric | Value | Goal |', '|---|---:|---|');
    for (const metric of result.metrics)
      lines.push(`| ${metric.name} | ${formatValue(metric)} | ${formatGoal(metric)} |`);
    if (result.notes.length > 0) lines.push('');
    for (const note of result.notes) lines.push(`- ${note}`);
  }
  for (const failure of failures)
    lines.push('', `## ${failure.name}: FAILED`, '', '```', failure.error, '```');
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((arg) => arg !== '--');
  const selected = benches.filter(
    (bench) => filters.length === 0 || filters.some((filter) => bench.name.includes(filter)),
  );
  if (selected.length === 0) {
    console.error(`No bench matches ${filters.join(', ')}. Known: ${benches.map((b) => b.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const environment = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${availableParallelism()}`,
    taskset: hasTaskset() ? 'available' : 'not available',
    // Other work on the machine skews every number below; the load average says how much there was.
    'load average at start (1/5/15 min)': loadavg()
      .map((n) => n.toFixed(2))
      .join(' / '),
    benches: selected.map((b) => b.name).join(', '),
  };
  const results: BenchResult[] = [];
  const failures: Failure[] = [];
  for (const bench of selected) {
    console.error(`running ${bench.name}…`);
    try {
      results.push(await bench.run());
    } catch (error) {
      failures.push({
        name: bench.name,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  }
  const dir = join(projectRoot, 'bench', 'reports');
  mkdirSync(dir, { recursive: true });
  const markdown = toMarkdown(environment, results, failures);
  const json = {
    environment,
    results: results.map((result) => ({
      ...result,
      metrics: result.metrics.map((metric) => ({ ...metric, met: goalMet(metric) })),
    })),
    failures,
  };
  writeFileSync(join(dir, 'latest.md'), markdown);
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(markdown);
  if (failures.length > 0) process.exitCode = 1;
}

await main();
