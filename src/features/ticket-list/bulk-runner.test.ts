import { describe, expect, it } from 'vitest';
import { bulkCounts, runBulk, type BulkOutcome } from './bulk-runner.ts';

describe('bulk runner', () => {
  it('runs one ticket at a time, in order, and reports each result', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const order: number[] = [];
    const seen: BulkOutcome[] = [];
    const results = await runBulk({
      ids: [1, 2, 3],
      run: async (id) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        order.push(id);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        if (id === 2) throw new Error('The ticket is locked.');
      },
      messageOf: (error) => (error as Error).message,
      onOutcome: (outcome) => seen.push(outcome),
    });
    expect(maxInFlight).toBe(1);
    expect(order).toEqual([1, 2, 3]);
    expect(results).toEqual([
      { id: 1, state: 'ok' },
      { id: 2, state: 'failed', message: 'The ticket is locked.' },
      { id: 3, state: 'ok' },
    ]);
    expect(seen.map((o) => `${o.id}:${o.state}`)).toEqual([
      '1:running',
      '1:ok',
      '2:running',
      '2:failed',
      '3:running',
      '3:ok',
    ]);
    expect(bulkCounts(results)).toEqual({ done: 3, ok: 2, failed: 1, total: 3 });
  });

  it('stops before the next ticket when aborted', async () => {
    const controller = new AbortController();
    const results = await runBulk({
      ids: [1, 2],
      run: async () => controller.abort(),
      messageOf: () => '',
      onOutcome: () => undefined,
      signal: controller.signal,
    });
    expect(results).toEqual([
      { id: 1, state: 'ok' },
      { id: 2, state: 'waiting' },
    ]);
  });
});
