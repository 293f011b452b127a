import { IDBFactory } from 'fake-indexeddb';
import { ApiError } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import type { FieldEntry, FieldMap } from '../../api/field-map.ts';
import { TicketSeq } from '../../fields/ticket-fields.ts';
import { openIndexStore, type IndexOwner } from './index-db.ts';
import { openTicketIndex, type TicketIndex } from './index-snapshot.ts';
import type { FetchOutcome, FetchTicket, SyncClock, SyncScheduler, VisibilitySource } from './sync-engine.ts';

// Fakes for the index's unit tests: a server of ticket ids, a clock that only moves when the engine sleeps, and a
// fresh in-memory IndexedDB per test (fake-indexeddb).

export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

export const ownerA: IndexOwner = {
  apiBaseUrl: 'https://helpdesk.example/TrackIt/WebApi/',
  technician: { group: 'HELP DESK', login: 'TECH1' },
};

export const ownerB: IndexOwner = {
  apiBaseUrl: 'https://helpdesk.example/TrackIt/WebApi/',
  technician: { group: 'FIELD SERVICES', login: 'FIELD1' },
};

export async function openTestIndex(owner: IndexOwner = ownerA): Promise<TicketIndex> {
  return openTicketIndex(await openIndexStore(owner));
}

function entry(displayName: string, value: FieldEntry['value']): FieldEntry {
  return { displayName, value };
}

export interface FakeTicket {
  id: number;
  status?: string;
  summary?: string;
  lastModified?: string;
}

export function ticketMap(ticket: FakeTicket): FieldMap {
  return new Map<number, FieldEntry>([
    [TicketSeq.ticketId, entry('Ticket ID', ticket.id)],
    [TicketSeq.lastModified, entry('Last Modified', ticket.lastModified ?? '2026-01-01T10:00:00.0000000Z')],
    [TicketSeq.ticketSummary, entry('Ticket Summary', ticket.summary ?? `Ticket ${ticket.id}`)],
    [TicketSeq.status, entry('Status', ticket.status ?? 'Open')],
  ]);
}

export class FakeServer {
  readonly tickets = new Map<number, FakeTicket>();
  readonly forbidden = new Set<number>();
  /** Ids that answer a 500 (the engine should back off). */
  readonly failing = new Map<number, number>();
  readonly requested: number[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** While set, requests wait for it. */
  hold: Promise<void> | null = null;

  constructor(ids: Iterable<number> = []) {
    for (const id of ids) this.tickets.set(id, { id });
  }

  countOf(id: number): number {
    return this.requested.filter((r) => r === id).length;
  }

  readonly fetch: FetchTicket = async (id) => {
    this.requested.push(id);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      // A few turns of the event loop so that concurrent requests overlap.
      for (let i = 0; i < 3; i++) await Promise.resolve();
      if (this.hold) await this.hold;
      const failures = this.failing.get(id);
      if (failures !== undefined && failures !== 0) {
        this.failing.set(id, failures - 1);
        throw Object.assign(new Error(`HTTP 500 for ${id}`), { status: 500, kind: 'server' });
      }
      if (this.forbidden.has(id)) return { kind: 'missing', reason: 'forbidden' } satisfies FetchOutcome;
      const ticket = this.tickets.get(id);
      if (!ticket) return { kind: 'missing', reason: 'not-found' } satisfies FetchOutcome;
      return { kind: 'found', ticket: ticketMap(ticket) } satisfies FetchOutcome;
    } finally {
      this.inFlight -= 1;
    }
  };
}

export class FakeClock implements SyncClock {
  constructor(public time = Date.UTC(2026, 10, 28, 6, 0, 0)) {}
  now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

/** Sleeps take no real time: the fake clock jumps ahead and the delay is recorded. */
export class FakeScheduler implements SyncScheduler {
  readonly sleeps: number[] = [];
  constructor(private readonly clock: FakeClock) {}
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.clock.advance(ms);
    await Promise.resolve();
  };
}

export class FakeVisibility implements VisibilitySource {
  visible = true;
  private readonly listeners = new Set<() => void>();
  isVisible = (): boolean => this.visible;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  set(visible: boolean): void {
    this.visible = visible;
    for (const listener of this.listeners) listener();
  }
}

/** Ids from `from` to `to` without those in `gaps`. */
export function idsWithGaps(from: number, to: number, gaps: Iterable<number>): number[] {
  const skip = new Set(gaps);
  const ids: number[] = [];
  for (let id = from; id <= to; id++) if (!skip.has(id)) ids.push(id);
  return ids;
}

export async function flushMicrotasks(turns = 50): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

/** The wire form of a fake ticket: `{"1": {"DisplayName": "Ticket ID", "Value": 101}, ...}`. */
export function wireRecord(ticket: FakeTicket): Record<string, { DisplayName: string; Value: unknown }> {
  const record: Record<string, { DisplayName: string; Value: unknown }> = {};
  for (const [seq, field] of ticketMap(ticket))
    record[String(seq)] = { DisplayName: field.displayName, Value: field.value };
  return record;
}

/** An ApiClient over a FakeServer: GET tickets/{id} and POST searches (or a failing /searches). */
export function fakeApiClient(server: FakeServer, options: { searches?: 'ok' | 'fail' } = {}): ApiClient {
  return {
    baseUrl: 'https://helpdesk.example/TrackIt/WebApi/',
    async get(path) {
      const match = /^tickets\/(\d+)$/.exec(path);
      if (!match) throw new ApiError('not-found', 'No route', { status: 404 });
      const outcome = await server.fetch(Number(match[1]), new AbortController().signal);
      if (outcome.kind === 'missing') {
        throw new ApiError(outcome.reason === 'forbidden' ? 'forbidden' : 'not-found', 'Not found.', {
          status: outcome.reason === 'forbidden' ? 403 : 404,
        });
      }
      const id = Number(match[1]);
      return { Ticket: wireRecord(server.tickets.get(id)!) };
    },
    async post(path) {
      if (path !== 'searches' || options.searches === 'fail')
        throw new ApiError('not-found', 'No route', { status: 404 });
      const results = [...server.tickets.values()].map(wireRecord);
      return { Count: results.length, Results: results };
    },
  };
}
