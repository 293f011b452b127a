import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { describeLoadError } from './ticket-problem.tsx';

describe('describeLoadError', () => {
  it('gives each failure its own words, with Retry only where trying again can help', () => {
    const cases = [
      [new ApiError('not-found', 'Ticket 9 was not found.', { status: 404 }), /was not found/, false],
      [new ApiError('forbidden', 'No View Ticket permission.', { status: 403 }), /permission/, false],
      [new ApiError('network', 'fetch failed'), /cannot be reached/, true],
      [new ApiError('server', 'An error has occurred.', { status: 500 }), /had a problem/, true],
      [new ApiError('malformed', 'expected "Ticket"', { status: 200 }), /could not be read/, true],
      [new Error('bug'), /Could not show/, true],
    ] as const;
    for (const [error, title, retryable] of cases) {
      const description = describeLoadError(error, 'ticket 9');
      expect(description.title).toMatch(title);
      expect(description.retryable).toBe(retryable);
    }
  });

  it('keeps the server’s permission message so the technician knows what to ask for', () => {
    const description = describeLoadError(
      new ApiError('forbidden', 'You do not have the View Ticket permission.'),
      'x',
    );
    expect(description.message).toContain('You do not have the View Ticket permission.');
  });
});
