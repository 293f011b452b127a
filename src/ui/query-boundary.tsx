import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from './status-states.tsx';

/** The part of a TanStack Query result the boundary needs; any query result satisfies it. */
export interface QueryLike<TData> {
  data: TData | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  isRefetching?: boolean;
  refetch: () => unknown;
}

export interface ErrorDescription {
  title: string;
  message: string;
  /** Whether a `Retry` button can help (network down, server error), not for not-found or no permission. */
  retryable: boolean;
}

export interface QueryBoundaryProps<TData> {
  query: QueryLike<TData>;
  /** Turns the error into words; the app passes one that knows its API errors. */
  describeError: (error: unknown) => ErrorDescription;
  loadingLabel: string;
  /** Rendered instead of the default loading state, e.g. a skeleton of the page. */
  loading?: ReactNode;
  children: (data: TData) => ReactNode;
}

/** Loading, error (with `Retry` where it helps) or the data: one place for the three states of a query. */
export function QueryBoundary<TData>({
  query,
  describeError,
  loadingLabel,
  loading,
  children,
}: QueryBoundaryProps<TData>) {
  if (query.isError && query.data === undefined) {
    const description = describeError(query.error);
    return (
      <ErrorState
        title={description.title}
        message={description.message}
        onRetry={description.retryable ? () => void query.refetch() : undefined}
        retrying={query.isRefetching ?? false}
      />
    );
  }
  if (query.data === undefined) {
    return <>{loading ?? <LoadingState label={loadingLabel} />}</>;
  }
  return <>{children(query.data)}</>;
}
