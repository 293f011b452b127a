// The sync's rate against the local emulator (issue 5: report it): the emulator runs as its own process (as
// `npm run emulator` does, pinned to core 0 when taskset exists) with a 5,000-ticket database; the sync engine
// runs here in Node with the app's own API client (ky, real fetch, a bearer token) and an index in
// fake-indexeddb. Two runs from an empty index as TECH1: config.json's defaults (concurrency 4, 250 ms between
// batches) for a fixed time, and concurrency 4 with no delay for the whole walk.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient } from '../src/api/client.ts';
import type { Session } from '../src/api/session.ts';
import {
  deleteIndexDatabase,
  indexDatabaseName,
  openIndexStore,
} from '../src/features/ticket-index/index-db.ts';
import { fetchTicketWith } from '../src/features/ticket-index/index-feed.ts';
import { openTicketIndex } from '../src/features/ticket-index/index-snapshot.ts';
import { createSyncEngine, type SyncSettings } from '../src/features/ticket-index/sync-engine.ts';
import type { Bench, BenchMetric, BenchResult } from './bench-result.ts';
import { pinSelfAwayFromCoreZero, signIn, startEmulator } from './emulator-process.ts';

const SEED_TICKETS = 5000;
const DEFAULTS_WINDOW_MS = 20_000;

/** Only what the API client asks of a session: a token (sign-in happened over HTTP already). */
function tokenSession(token: string): Session {
  const session: Pick<Session, 'tokenForRequest' | 'renewAfterUnauthorized'> = {
    tokenForRequest: () => Promise.resolve(token),
    renewAfterUnauthorized: () => Promise.reject(new Error('the bench token was refused')),
  };
  return session as Session;
}

interface RunResult {
  indexed: number;
  requests: number;
  seconds: number;
  complete: boolean;
}

async function runSync(
  baseUrl: string,
  token: string,
  settings: SyncSettings,
  limitMs: number | null,
  label: string,
): Promise<RunResult> {
  const owner = { apiBaseUrl: `${baseUrl}/`, technician: { group: 'HELP DESK', login: `TECH1-${label}` } };
  await deleteIndexDatabase(indexDatabaseName(owner));
  const index = await openTicketIndex(await openIndexStore(owner));
  const client = createApiClient({ apiBaseUrl: baseUrl }, tokenSession(token));
  const engine = createSyncEngine({ index, fetchTicket: fetchTicketWith(client), settings });
  const started = performance.now();
  const pass = engine.runPass();
  let timer: ReturnType<typeof setTimeout> | null = null;
  if (limitMs !== null) timer = setTimeout(() => void engine.stop(), limitMs);
  await pass;
  const seconds = (performance.now() - started) / 1000;
  if (timer) clearTimeout(timer);
  const result: RunResult = {
    indexed: index.getSnapshot().stats.count,
    requests: engine.getProgress().requests,
    seconds,
    complete: index.meta().pending.length === 0 && index.meta().lastFullSyncAt !== null,
  };
  await engine.stop();
  index.close();
  await index.flush();
  return result;
}

export const indexSyncBench: Bench = {
  name: 'index-sync',
  async run(): Promise<BenchResult> {
    const pinning = pinSelfAwayFromCoreZero();
    const dir = mkdtempSync(join(tmpdir(), 'trackit-bench-index-sync-'));
    const emulator = await startEmulator({ db: join(dir, 'sync.db'), seedTickets: SEED_TICKETS });
    try {
      const token = await signIn(emulator.baseUrl, 'HELP DESK\\TECH1');
      const idle = { idleIntervalMs: 120_000 };
      const fast = await runSync(
        emulator.baseUrl,
        token,
        { concurrency: 4, batchDelayMs: 0, ...idle },
        null,
        'fast',
      );
      const gentle = await runSync(
        emulator.baseUrl,
        token,
        { concurrency: 4, batchDelayMs: 250, ...idle },
        DEFAULTS_WINDOW_MS,
        'gentle',
      );
      const metrics: BenchMetric[] = [
        {
          name: 'concurrency 4, no batch delay: tickets indexed per second',
          value: Math.round(fast.indexed / fast.seconds),
          unit: 'tickets/s',
        },
        {
          name: 'concurrency 4, no batch delay: requests per second',
          value: Math.round(fast.requests / fast.seconds),
          unit: 'req/s',
        },
        {
          name: 'concurrency 4, no batch delay: full sync from empty',
          value: Math.round(fast.seconds * 10) / 10,
          unit: 's',
        },
        { name: 'concurrency 4, no batch delay: tickets indexed', value: fast.indexed, unit: 'tickets' },
        {
          name: 'config defaults (4, 250 ms): tickets indexed per second',
          value: Math.round(gentle.indexed / gentle.seconds),
          unit: 'tickets/s',
        },
        {
          name: 'config defaults (4, 250 ms): requests per second',
          value: Math.round(gentle.requests / gentle.seconds),
          unit: 'req/s',
        },
      ];
      return {
        name: 'index-sync',
        title: 'Local ticket index: sync rate against the local emulator',
        metrics,
        notes: [
          `Emulator: separate process${emulator.pinned ? ' pinned to core 0' : ''}, ${SEED_TICKETS.toLocaleString('en-US')} seeded tickets (ids from 101, ~3 % gaps), of which TECH1 may see ${fast.indexed.toLocaleString('en-US')} (data segregation: the rest answer 404 and are remembered); latency 0; ${pinning}.`,
          'Sync engine in Node: the app API client (ky, real fetch, bearer token), fake-indexeddb for the index; from an empty index (probe for the newest id, walk down to id 1; 404s remembered).',
          `No-delay run: ${fast.complete ? 'walked every id to the floor' : 'did not finish'} with ${fast.requests.toLocaleString('en-US')} requests. Defaults run: stopped after ${DEFAULTS_WINDOW_MS / 1000} s (${gentle.indexed.toLocaleString('en-US')} tickets); batches of 16 ids with 250 ms between them cap it near 16 ids per 250 ms + request time.`,
        ],
      };
    } finally {
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
