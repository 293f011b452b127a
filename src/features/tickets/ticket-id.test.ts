import { describe, expect, it } from 'vitest';
import { parseTicketId } from './ticket-id.ts';

describe('parseTicketId', () => {
  it('accepts positive whole numbers', () => {
    expect(parseTicketId('101')).toBe(101);
    expect(parseTicketId('007')).toBe(7);
  });

  it('refuses words, signs, fractions, zero and numbers beyond int32', () => {
    for (const raw of [
      'abc',
      '-1',
      '+1',
      '1.5',
      '0',
      '',
      ' 1',
      '1e3',
      '2147483648',
      '99999999999',
      undefined,
    ]) {
      expect(parseTicketId(raw)).toBeNull();
    }
  });
});
