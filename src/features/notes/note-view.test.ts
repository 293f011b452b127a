import { describe, expect, it } from 'vitest';
import { toFieldMap } from '../../api/field-map.ts';
import { mayBeCut, sortNotesNewestFirst, toNoteView } from './note-view.ts';

function note(id: number, date: string | null, extra: Record<string, unknown> = {}) {
  const record: Record<string, { DisplayName: string; Value: unknown }> = {
    '1': { DisplayName: 'Sequence', Value: id },
    '5': { DisplayName: 'Note', Value: `note ${id}` },
  };
  if (date !== null) record['7'] = { DisplayName: 'Date', Value: date };
  for (const [seq, value] of Object.entries(extra))
    record[seq] = { DisplayName: `Field ${seq}`, Value: value };
  return toNoteView(toFieldMap(record));
}

describe('toNoteView', () => {
  it('reads who, when, type, activity, duration and the private and system flags', () => {
    const view = note(1001, '2019-01-23T11:27:09.7970000Z', {
      '16': 'Alex Rivera',
      '26': 'Technician Note',
      '15': 'Research',
      '10': 600,
      '27': 'True',
      '14': 'Status Changed',
    });
    expect(view).toMatchObject({
      id: 1001,
      text: 'note 1001',
      technician: 'Alex Rivera',
      noteType: 'Technician Note',
      activityCode: 'Research',
      durationSeconds: 600,
      isPrivate: true,
      systemActivity: 'Status Changed',
    });
    expect(view.date?.toISOString()).toBe('2019-01-23T11:27:09.797Z');
  });

  it('treats a missing Private as not private and a missing System Activity as a user note', () => {
    const view = note(1, null);
    expect(view.isPrivate).toBe(false);
    expect(view.systemActivity).toBeNull();
    expect(view.date).toBeNull();
  });
});

describe('sortNotesNewestFirst', () => {
  it('puts the newest Date first, undated notes last, ties by id descending', () => {
    const sorted = sortNotesNewestFirst([
      note(1, '2020-01-01T00:00:00.0000000Z'),
      note(2, null),
      note(3, '2021-01-01T00:00:00.0000000Z'),
      note(4, '2020-01-01T00:00:00.0000000Z'),
    ]);
    expect(sorted.map((n) => n.id)).toEqual([3, 4, 1, 2]);
  });
});

describe('mayBeCut', () => {
  it('offers the full note when the text reaches the limit, never when there is no limit', () => {
    expect(mayBeCut('x'.repeat(1500), 1500)).toBe(true);
    expect(mayBeCut('x'.repeat(1499), 1500)).toBe(false);
    expect(mayBeCut('x'.repeat(5000), -1)).toBe(false);
  });
});
