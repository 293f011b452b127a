import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPathFor } from './return-path.ts';

describe('the return path after sign-in', () => {
  it('keeps a path inside the app, with its query and hash', () => {
    expect(safeReturnPath('/tickets/101?tab=notes#n1')).toBe('/tickets/101?tab=notes#n1');
  });

  it('refuses addresses that would leave the app', () => {
    for (const raw of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'tickets/1',
    ]) {
      expect(safeReturnPath(raw)).toBeNull();
    }
  });

  it('refuses the sign-in page itself and control characters', () => {
    expect(safeReturnPath('/sign-in?next=/x')).toBeNull();
    expect(safeReturnPath('/tickets/1\n')).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
  });

  it('puts the return path in ?next= only when there is somewhere to return to', () => {
    expect(signInPathFor('/tickets/101')).toBe('/sign-in?next=%2Ftickets%2F101');
    expect(signInPathFor('/')).toBe('/sign-in');
    expect(signInPathFor('//evil.example')).toBe('/sign-in');
  });
});
