// Time to create and seed a fresh 5,000-ticket database (goal < 10 s) and to restart on an existing one
// (goal < 1 s), measured twice: the store alone (openStore in this process) and the whole emulator process
// (spawn until the WebApi answers, which includes Node and tsx start-up).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../emulator/store.ts';
import type { Bench, BenchResult } from './bench-result.ts';
import { startEmulator } from './emulator-process.ts';

const seedTickets = 5000;

function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

function closeStore(store: ReturnType<typeof openStore>): void {
  store.close();
}

export const emulatorSeedBench: Bench = {
  name: 'emulator-seed',
  async run(): Promise<BenchResult> {
    const dir = mkdtempSync(join(tmpdir(), 'trackit-bench-seed-'));
    try {
      const storePath = join(dir, 'store.db');
      const [fresh, seedMs] = timed(() => openStore({ path: storePath, seedTickets }));
      closeStore(fresh);
      const [reopened, reopenMs] = timed(() => openStore({ path: storePath, seedTickets }));
      closeStore(reopened);
      const sizeMb = statSync(storePath).size / (1024 * 1024);

      const processPath = join(dir, 'process.db');
      const first = await startEmulator({
        db: processPath,
        seedTickets,
        pinToCoreZero: true,
        timeoutMs: 120_000,
      });
      await first.stop();
      const second = await startEmulator({ db: processPath, seedTickets, pinToCoreZero: true });
      await second.stop();
      const baseline = await startEmulator({ db: ':memory:', seedTickets: 2, pinToCoreZero: true });
      await baseline.stop();

      return {
        name: 'emulator-seed',
        title: 'Emulator: seeding a fresh 5,000-ticket database, restarting on an existing one',
        metrics: [
          {
            name: 'store: create + seed 5,000 tickets',
            value: Math.round(seedMs),
            unit: 'ms',
            goal: { op: '<', value: 10_000 },
          },
          {
            name: 'store: reopen existing',
            value: Math.round(reopenMs),
            unit: 'ms',
            goal: { op: '<', value: 1000 },
          },
          {
            name: 'process: fresh start to first answer (seeds)',
            value: Math.round(first.readyMs),
            unit: 'ms',
            goal: { op: '<', value: 10_000 },
          },
          {
            name: 'process: restart to first answer',
            value: Math.round(second.readyMs),
            unit: 'ms',
            goal: { op: '<', value: 1000 },
          },
          {
            name: 'process: start-up floor (:memory:, 2 tickets)',
            value: Math.round(baseline.readyMs),
            unit: 'ms',
          },
          ...(first.databaseReadyMs === null
            ? []
            : [
                {
                  name: 'process: database ready, fresh (emulator log)',
                  value: first.databaseReadyMs,
                  unit: 'ms',
                },
              ]),
          ...(second.databaseReadyMs === null
            ? []
            : [
                {
                  name: 'process: database ready, restart (emulator log)',
                  value: second.databaseReadyMs,
                  unit: 'ms',
                },
              ]),
          { name: 'database file size', value: Math.round(sizeMb * 10) / 10, unit: 'MB' },
        ],
        notes: [
          'store: openStore({ path, seedTickets: 5000 }) in the bench process, file DB in a temp dir',
          `process: node .cache/emulator/main.mjs, the esbuild bundle npm run emulator starts, ${first.pinned ? 'pinned to core 0' : 'not pinned'}, timed from spawn until GET /tickets/Templates answers (401)`,
          'the start-up floor is what Node and module loading cost before any database work',
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
