import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { QueryBoundary, type QueryLike } from './query-boundary.tsx';
import { EmptyValue } from './empty-value.tsx';

function query<T>(overrides: Partial<QueryLike<T>>): QueryLike<T> {
  return { data: undefined, error: null, isPending: true, isError: false, refetch: vi.fn(), ...overrides };
}

const describeError = (error: unknown) => ({
  title: 'Server error',
  message: error instanceof Error ? error.message : 'Unknown',
  retryable: error instanceof Error && error.message.includes('try again'),
});

function renderBoundary(q: QueryLike<string>) {
  return render(
    <MantineProvider env="test">
      <QueryBoundary query={q} describeError={describeError} loadingLabel="Loading ticket 101">
        {(data) => <p>Loaded: {data}</p>}
      </QueryBoundary>
    </MantineProvider>,
  );
}

describe('QueryBoundary', () => {
  it('announces loading with a label', () => {
    renderBoundary(query({}));
    expect(screen.getByRole('status')).toHaveTextContent('Loading ticket 101');
  });

  it('renders the data once it is there', () => {
    renderBoundary(query({ data: 'ticket', isPending: false }));
    expect(screen.getByText('Loaded: ticket')).toBeInTheDocument();
  });

  it('offers Retry when retrying can help, and retries', async () => {
    const refetch = vi.fn();
    renderBoundary(query({ isPending: false, isError: true, error: new Error('Down, try again'), refetch }));
    expect(screen.getByRole('alert')).toHaveTextContent('Down, try again');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('offers no Retry when retrying cannot help', () => {
    renderBoundary(query({ isPending: false, isError: true, error: new Error('Not found') }));
    expect(screen.getByRole('alert')).toHaveTextContent('Not found');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('keeps showing data it already has when a background refetch fails', () => {
    renderBoundary(
      query({ data: 'ticket', isPending: false, isError: true, error: new Error('Down, try again') }),
    );
    expect(screen.getByText('Loaded: ticket')).toBeInTheDocument();
  });
});

describe('EmptyValue', () => {
  it('reads as "Not set" rather than a dash', () => {
    render(
      <MantineProvider env="test">
        <EmptyValue />
      </MantineProvider>,
    );
    expect(screen.getByText('Not set')).toBeInTheDocument();
  });
});
