import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorKind } from '../../api/api-error.ts';
import { describeSignInError } from './sign-in-messages.ts';

const titleOf = (kind: ApiErrorKind) =>
  describeSignInError(new ApiError(kind, 'server text', { status: 400 }), '/TrackIt/WebApi').title;

describe('sign-in failure messages', () => {
  it('gives wrong credentials, an unreachable server and a non-Track-It! server each their own words', () => {
    const titles = new Set([titleOf('invalid-credentials'), titleOf('network'), titleOf('not-trackit')]);
    expect(titles.size).toBe(3);
    expect(titleOf('invalid-credentials')).toBe('Wrong group, login ID or password');
    expect(titleOf('network')).toBe('The Track-It! server cannot be reached');
    expect(titleOf('not-trackit')).toBe('This is not a Track-It! server');
  });

  it('sends the technician back to the password after wrong credentials', () => {
    expect(describeSignInError(new ApiError('invalid-credentials', 'x'), '/api').focus).toBe('password');
  });

  it('names apiBaseUrl for the administrator when the address is wrong', () => {
    expect(describeSignInError(new ApiError('malformed', 'x'), '/TrackIt/WebApi').message).toContain(
      '/TrackIt/WebApi',
    );
  });

  it('has words for every kind of failure and for unexpected errors', () => {
    const kinds: ApiErrorKind[] = [
      'network',
      'unauthorized',
      'forbidden',
      'not-found',
      'bad-request',
      'server',
      'malformed',
      'not-trackit',
      'invalid-credentials',
    ];
    for (const kind of kinds) expect(titleOf(kind)).not.toBe('');
    expect(describeSignInError(new TypeError('boom'), '/api').title).toBe('Sign-in failed');
  });
});
