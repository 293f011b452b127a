import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { createQueryClient, queryRetryDelay } from './query-client.ts';

describe('the query client policy', () => {
  it('invalidates the queries a successful mutation names in its meta', async () => {
    const client = createQueryClient();
    client.setQueryData(['tickets', 'detail', 101], { summary: 'old' });
    client.setQueryData(['tickets', 'detail', 101, 'notes', {}], []);
    client.setQueryData(['tickets', 'detail', 102], { summary: 'other' });

    await client
      .getMutationCache()
      .build(client, { mutationFn: async () => 'ok', meta: { invalidates: [['tickets', 'detail', 101]] } })
      .execute(undefined);

    expect(client.getQueryState(['tickets', 'detail', 101])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['tickets', 'detail', 101, 'notes', {}])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['tickets', 'detail', 102])?.isInvalidated).toBe(false);
  });

  it('invalidates nothing when a mutation fails', async () => {
    const client = createQueryClient();
    client.setQueryData(['tickets', 'detail', 101], { summary: 'old' });
    const mutation = client.getMutationCache().build(client, {
      mutationFn: async () => {
        throw new ApiError('bad-request', 'Note Type is required.', { status: 400 });
      },
      meta: { invalidates: [['tickets', 'detail', 101]] },
    });
    await expect(mutation.execute(undefined)).rejects.toThrow('Note Type is required.');
    expect(client.getQueryState(['tickets', 'detail', 101])?.isInvalidated).toBe(false);
  });

  it('never repeats a POST by itself, even after a network failure', async () => {
    const client = createQueryClient();
    const post = vi.fn(async () => {
      throw new ApiError('network', 'The Track-It! server cannot be reached.');
    });
    await expect(
      client.getMutationCache().build(client, { mutationFn: post }).execute(undefined),
    ).rejects.toThrow();
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('does not retry a read that failed with an ApiError: the API client already retried network errors and 5xx', async () => {
    const client = createQueryClient();
    const read = vi.fn(async () => {
      throw new ApiError('not-found', 'Ticket 999 was not found.', { status: 404 });
    });
    await expect(
      client.fetchQuery({ queryKey: ['tickets', 'detail', 999], queryFn: read }),
    ).rejects.toThrow();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('backs off between retries, up to a ceiling', () => {
    expect(queryRetryDelay(0)).toBeGreaterThanOrEqual(500);
    expect(queryRetryDelay(1)).toBeGreaterThanOrEqual(1000);
    expect(queryRetryDelay(10)).toBeLessThan(8000 + 250);
  });
});
