// Throughput and latency of GET /tickets/{id} on the emulator (a separate process pinned to core 0, 5,000-ticket
// database) under concurrent load from autocannon on loopback. Goal (issue 2): >= 1,500 req/s, p99 < 20 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench, BenchMetric, BenchResult } from './bench-result.ts';
import { cpuSeconds, pinSelfAwayFromCoreZero, signIn, startEmulator } from './emulator-process.ts';

interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (request: { path: string }) => { path: string };
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}

interface Histogram {
  average: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
}

interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}

// autocannon ships no types; this is the slice of its programmatic API the bench uses (README "API").
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

const connections = 10;
const durationSeconds = 10;

async function visibleIds(baseUrl: string, token: string): Promise<number[]> {
  const response = await fetch(`${baseUrl}/searches`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ Term: '', ModuleId: 24, PageSize: 0, PageNumber: 0, ResultFields: [1] }),
  });
  const body = (await response.json()) as { Results?: Record<string, { Value: unknown }>[] };
  return (body.Results ?? []).map((r) => Number(r['1']?.Value)).filter((id) => Number.isInteger(id));
}

function loadMetrics(
  label: string,
  result: AutocannonResult,
  cpu: number | null,
  generatorCpu: number,
): BenchMetric[] {
  const generator: BenchMetric = {
    name: `${label}: load generator CPU time`,
    value: Math.round(generatorCpu * 100) / 100,
    unit: 's',
  };
  const perCpuSecond: BenchMetric[] =
    cpu && cpu > 0
      ? [
          { name: `${label}: emulator CPU time`, value: Math.round(cpu * 100) / 100, unit: 's' },
          {
            name: `${label}: requests per emulator CPU second (derived)`,
            value: Math.round(result.requests.total / cpu),
            unit: 'req/s',
          },
        ]
      : [];
  return [
    {
      name: `${label}: throughput`,
      value: Math.round(result.requests.average),
      unit: 'req/s',
      goal: { op: '>=', value: 1500 },
    },
    { name: `${label}: latency p50`, value: result.latency.p50, unit: 'ms' },
    { name: `${label}: latency p97.5`, value: result.latency.p97_5, unit: 'ms' },
    { name: `${label}: latency p99`, value: result.latency.p99, unit: 'ms', goal: { op: '<', value: 20 } },
    { name: `${label}: latency max`, value: result.latency.max, unit: 'ms' },
    { name: `${label}: requests`, value: result.requests.total, unit: 'req' },
    {
      name: `${label}: non-2xx + errors + timeouts`,
      value: result.non2xx + result.errors + result.timeouts,
      unit: 'req',
    },
    ...perCpuSecond,
    generator,
  ];
}

export const emulatorHttpBench: Bench = {
  name: 'emulator-http',
  async run(): Promise<BenchResult> {
    const dir = mkdtempSync(join(tmpdir(), 'trackit-bench-http-'));
    const pinning = pinSelfAwayFromCoreZero();
    const emulator = await startEmulator({ db: join(dir, 'trackit.db'), seedTickets: 5000 });
    try {
      const token = await signIn(emulator.baseUrl, 'HELP DESK\\TECH1');
      const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
      const found = await visibleIds(emulator.baseUrl, token);
      const ids = found.length > 0 ? found : [101];
      await autocannon({ url: `${emulator.baseUrl}/tickets/101`, connections, duration: 2, headers });
      const cpuBefore = cpuSeconds(emulator.pid);
      const generatorBefore = process.cpuUsage();
      const single = await autocannon({
        url: `${emulator.baseUrl}/tickets/101`,
        connections,
        duration: durationSeconds,
        headers,
      });
      const cpuMiddle = cpuSeconds(emulator.pid);
      const generatorMiddle = process.cpuUsage();
      let next = 0;
      const path = new URL(emulator.baseUrl).pathname;
      const spread = await autocannon({
        url: emulator.origin,
        connections,
        duration: durationSeconds,
        headers,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              next = (next + 1) % ids.length;
              return { ...request, path: `${path}/tickets/${ids[next]}` };
            },
          },
        ],
      });
      const cpuAfter = cpuSeconds(emulator.pid);
      const generatorAfter = process.cpuUsage();
      const generatorSeconds = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) =>
        (to.user + to.system - from.user - from.system) / 1e6;
      const spent = (from: number | null, to: number | null) =>
        from === null || to === null ? null : to - from;
      return {
        name: 'emulator-http',
        title: 'Emulator: GET /tickets/{id} under load',
        metrics: [
          ...loadMetrics(
            'ticket 101',
            single,
            spent(cpuBefore, cpuMiddle),
            generatorSeconds(generatorBefore, generatorMiddle),
          ),
          ...loadMetrics(
            `${ids.length} tickets in turn`,
            spread,
            spent(cpuMiddle, cpuAfter),
            generatorSeconds(generatorMiddle, generatorAfter),
          ),
        ],
        notes: [
          `autocannon ${connections} connections, pipelining 1, ${durationSeconds} s per run after a 2 s warm-up, loopback`,
          `emulator: separate process (node .cache/emulator/main.mjs, the esbuild bundle npm run emulator starts), ${emulator.pinned ? 'pinned to core 0 with taskset' : 'NOT pinned (no taskset)'}; ${pinning}`,
          'database: a fresh 5,000-ticket file DB in a temp dir; signed in as HELP DESK\\TECH1 (data segregation on)',
          `ids in turn: every ticket TECH1 may see (${ids.length}), from POST /searches`,
          'requests per emulator CPU second = requests served / CPU time the emulator process used (from /proc): what one core of its own would serve when other work shares the machine',
        ],
      };
    } finally {
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
