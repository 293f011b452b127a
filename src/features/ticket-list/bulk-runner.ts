// Bulk actions run one ticket at a time (issue 5): a production Track-It! server gets no burst, each ticket's
// result is known (ok, or the server's message), and the failed ones can be run again.

export type BulkOutcome =
  | { id: number; state: 'waiting' }
  | { id: number; state: 'running' }
  | { id: number; state: 'ok' }
  | { id: number; state: 'failed'; message: string };

export interface BulkRunOptions {
  ids: readonly number[];
  run: (id: number) => Promise<void>;
  /** Called with every change of one ticket's outcome. */
  onOutcome: (outcome: BulkOutcome) => void;
  messageOf: (error: unknown) => string;
  signal?: AbortSignal;
}

/** Runs `run` for each id in order; never throws. Resolves with the final outcome of each id. */
export async function runBulk(options: BulkRunOptions): Promise<BulkOutcome[]> {
  const results: BulkOutcome[] = [];
  for (const id of options.ids) {
    if (options.signal?.aborted) {
      results.push({ id, state: 'waiting' });
      continue;
    }
    options.onOutcome({ id, state: 'running' });
    let outcome: BulkOutcome;
    try {
      await options.run(id);
      outcome = { id, state: 'ok' };
    } catch (error) {
      outcome = { id, state: 'failed', message: options.messageOf(error) };
    }
    options.onOutcome(outcome);
    results.push(outcome);
  }
  return results;
}

export function bulkCounts(outcomes: Iterable<BulkOutcome>): {
  done: number;
  ok: number;
  failed: number;
  total: number;
} {
  let done = 0;
  let ok = 0;
  let failed = 0;
  let total = 0;
  for (const outcome of outcomes) {
    total++;
    if (outcome.state === 'ok') ok++;
    if (outcome.state === 'failed') failed++;
    if (outcome.state === 'ok' || outcome.state === 'failed') done++;
  }
  return { done, ok, failed, total };
}
