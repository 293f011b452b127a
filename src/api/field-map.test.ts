import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fieldNumber, fieldText, toFieldMap } from './field-map.ts';

describe('toFieldMap', () => {
  it('keys entries by sequence number and keeps display name and value', () => {
    const map = toFieldMap({
      '1': { DisplayName: 'Ticket ID', Value: 101 },
      '96': { DisplayName: 'Status', Value: 'Open' },
      '85': { DisplayName: 'Asset Tag', Value: 'AT-1' },
    });
    expect(map.get(1)).toEqual({ displayName: 'Ticket ID', value: 101 });
    expect(map.get(96)?.value).toBe('Open');
    expect(map.get(85)?.displayName).toBe('Asset Tag');
    expect(map.has(2)).toBe(false);
  });

  it('trims display names (the doc page shows " Ticket ID")', () => {
    expect(toFieldMap({ '1': { DisplayName: ' Ticket ID', Value: 101 } }).get(1)?.displayName).toBe(
      'Ticket ID',
    );
  });

  it('treats a missing Value as null and keeps dates as strings', () => {
    const map = toFieldMap({
      '3': { DisplayName: 'Last User' },
      '12': { DisplayName: 'Open Date', Value: '2019-01-23T11:27:09.7970000Z' },
    });
    expect(map.get(3)?.value).toBeNull();
    expect(map.get(12)?.value).toBe('2019-01-23T11:27:09.7970000Z');
  });

  it('puts the note text back when the doc page swapped it into DisplayName (seq 5)', () => {
    const map = toFieldMap({ '5': { DisplayName: 'This is a Ticket Note for closing', Value: 'note' } });
    expect(map.get(5)).toEqual({ displayName: 'Note', value: 'This is a Ticket Note for closing' });
  });

  it('leaves a note whose text really is "note" alone', () => {
    expect(toFieldMap({ '5': { DisplayName: 'Note', Value: 'note' } }).get(5)?.value).toBe('note');
  });

  it('skips keys that are not sequence numbers and entries that are not objects', () => {
    const map = toFieldMap({
      abc: { DisplayName: 'x', Value: 1 },
      '007': { DisplayName: 'y', Value: 2 },
      '4': 'plain',
      '6': null,
    });
    expect(map.size).toBe(0);
  });

  it('keeps nested values visible as JSON text', () => {
    expect(toFieldMap({ '9': { DisplayName: 'Odd', Value: { a: 1 } } }).get(9)?.value).toBe('{"a":1}');
  });

  it('returns an empty map for anything that is not an object', () => {
    for (const input of [null, undefined, 42, 'text', [], [{ '1': { DisplayName: 'x', Value: 1 } }]]) {
      expect(toFieldMap(input).size).toBe(0);
    }
  });

  it('never throws and only yields integer seqs, trimmed names and wire values', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(
            fc.oneof(fc.nat({ max: 400 }).map(String), fc.string()),
            fc.oneof(
              fc.record({ DisplayName: fc.anything(), Value: fc.anything() }, { requiredKeys: [] }),
              fc.anything(),
            ),
          ),
        ),
        (input) => {
          const map = toFieldMap(input);
          for (const [seq, entry] of map) {
            expect(Number.isInteger(seq)).toBe(true);
            expect(entry.displayName).toBe(entry.displayName.trim());
            expect(['string', 'number', 'boolean'].includes(typeof entry.value) || entry.value === null).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('field readers', () => {
  const map = toFieldMap({
    '1': { DisplayName: 'Ticket ID', Value: 101 },
    '6': { DisplayName: 'Size', Value: '2048' },
  });

  it('reads text and numbers tolerantly', () => {
    expect(fieldText(map, 1)).toBe('101');
    expect(fieldNumber(map, 6)).toBe(2048);
    expect(fieldNumber(map, 99)).toBeNull();
    expect(fieldText(map, 99)).toBeNull();
  });
});
