import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { shouldRetryQuery } from '../api/queries.ts';

// The query-client policy, in one place (architecture.md, Server state):
// - GETs are retried with backoff only when it can help, a network failure or a 5xx, never a 4xx. The API client
//   (src/api/client.ts, ky) does those retries per request; React Query adds none for an ApiError, so the two never
//   multiply (shouldRetryQuery), and gives anything else (a bug surfacing as a TypeError) one more try.
// - A POST is never retried automatically: AddNote is not idempotent.
// - Invalidation after a write is declared on the mutation (`meta.invalidates`) and done here, in the
//   MutationCache, not scattered through components.

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Query keys (prefixes) to invalidate once the mutation succeeds: the one place invalidation happens. */
      invalidates?: readonly QueryKey[];
      /** Query keys (prefixes) to drop from the cache once the mutation succeeded (a deleted ticket). */
      removes?: readonly QueryKey[];
    };
  }
}

/** 0.5 s, 1 s, 2 s ... capped at 8 s, with a little jitter so that many tabs do not retry in step. */
export function queryRetryDelay(attemptIndex: number): number {
  const base = Math.min(500 * 2 ** attemptIndex, 8000);
  return base + Math.floor(Math.random() * 250);
}

export function createQueryClient(): QueryClient {
  const mutationCache = new MutationCache({
    onSuccess: async (_data, _variables, _onMutateResult, mutation) => {
      const keys = mutation.meta?.invalidates;
      if (!keys) return;
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    // Removal waits for the mutation's own onSuccess (a deleted ticket's view navigates away first), so no
    // mounted view re-creates the queries by reading them again.
    onSettled: (_data, error, _variables, _onMutateResult, mutation) => {
      if (error !== null) return;
      for (const queryKey of mutation.meta?.removes ?? []) queryClient.removeQueries({ queryKey });
    },
  });
  const queryClient: QueryClient = new QueryClient({
    mutationCache,
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        retry: shouldRetryQuery,
        retryDelay: queryRetryDelay,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
