// Bundled by bench/index-load.ts and run in headless Chromium: seeds the index database, then times a start-up
// load (open the database, one getAll per store, build the first snapshot) as the app does.
import { benchTickets } from './index-fixtures.ts';
import { openIndexStore, type IndexOwner } from '../src/features/ticket-index/index-db.ts';
import { openTicketIndex } from '../src/features/ticket-index/index-snapshot.ts';

const owner: IndexOwner = {
  apiBaseUrl: 'http://127.0.0.1/TrackIt/WebApi/',
  technician: { group: 'HELP DESK', login: 'TECH1' },
};

async function seed(count: number): Promise<void> {
  const index = await openTicketIndex(await openIndexStore(owner));
  await index.upsert(benchTickets(count));
  await index.flush();
  index.close();
  await index.flush();
}

async function load(): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const index = await openTicketIndex(await openIndexStore(owner));
  const count = index.getSnapshot().stats.count;
  const ms = performance.now() - started;
  index.close();
  return { ms, count };
}

Object.assign(globalThis, { indexBench: { seed, load } });
