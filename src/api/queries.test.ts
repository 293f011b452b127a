import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import type { ApiClient } from './client.ts';
import { shouldRetryQuery, templateQueries, ticketKeys, ticketQueries } from './queries.ts';

const client: ApiClient = {
  baseUrl: 'http://x/',
  get: () => Promise.resolve(null),
  post: () => Promise.resolve(null),
};

describe('query keys', () => {
  it('nest from generic to specific so a ticket invalidates everything under it', () => {
    expect(ticketQueries.detail(client, 101).queryKey).toEqual(['tickets', 'detail', 101]);
    expect(ticketQueries.notes(client, 101, { systemNotes: false, maxContentLength: 1500 }).queryKey).toEqual(
      ['tickets', 'detail', 101, 'notes', { systemNotes: false, maxContentLength: 1500 }],
    );
    expect(ticketQueries.attachments(client, 101).queryKey).toEqual([
      'tickets',
      'detail',
      101,
      'attachments',
    ]);
    expect(ticketQueries.assignments(client, 101).queryKey).toEqual([
      'tickets',
      'detail',
      101,
      'assignments',
    ]);
    expect(templateQueries.all(client).queryKey).toEqual(['templates']);
    expect(ticketKeys.allNotes(101)).toEqual(['tickets', 'detail', 101, 'notes']);
  });

  it('keeps the detail fresh for 30 s', () => {
    expect(ticketQueries.detail(client, 101).staleTime).toBe(30_000);
  });
});

describe('shouldRetryQuery', () => {
  it('does not retry ApiErrors, which the client already retried when it could help', () => {
    expect(shouldRetryQuery(0, new ApiError('network', 'x'))).toBe(false);
    expect(shouldRetryQuery(0, new ApiError('not-found', 'x', { status: 404 }))).toBe(false);
  });

  it('retries an unexpected error once', () => {
    expect(shouldRetryQuery(0, new TypeError('x'))).toBe(true);
    expect(shouldRetryQuery(1, new TypeError('x'))).toBe(false);
  });
});
