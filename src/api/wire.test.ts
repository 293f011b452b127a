import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApiError } from './api-error.ts';
import {
  parseModuleFields,
  parseNoteEnvelope,
  parseRecordList,
  parseSearchResults,
  parseSuccess,
  parseTemplates,
  parseTicketEnvelope,
  parseTicketWithNote,
  tokenResponseSchema,
} from './wire.ts';

const ticketRecord = {
  '1': { DisplayName: 'Ticket ID', Value: 101 },
  '22': { DisplayName: 'Ticket Summary', Value: 'Printer jams' },
  '96': { DisplayName: 'Status', Value: 'Open' },
};
const noteRecord = {
  '1': { DisplayName: 'Sequence', Value: 1001 },
  '5': { DisplayName: 'Note', Value: 'Restarted the spooler.' },
  '26': { DisplayName: 'Note Type', Value: 'Technician Note' },
};

function expectMalformed(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('malformed');
    return;
  }
  throw new Error('expected ApiError malformed');
}

describe('ticket envelope', () => {
  it('reads the observed shape {"Ticket": {...}}', () => {
    expect(parseTicketEnvelope({ Ticket: ticketRecord }).get(22)?.value).toBe('Printer jams');
  });

  it('reads the doc shape {"Tickets": {...}}', () => {
    expect(parseTicketEnvelope({ Tickets: ticketRecord }).get(1)?.value).toBe(101);
  });

  it('accepts an array of one record', () => {
    expect(parseTicketEnvelope({ Ticket: [ticketRecord] }).get(96)?.value).toBe('Open');
  });

  it('rejects bodies without a ticket as malformed', () => {
    for (const body of [
      null,
      'text',
      [],
      {},
      { Ticket: null },
      { Ticket: 'x' },
      { Ticket: [] },
      { Other: ticketRecord },
    ]) {
      expectMalformed(() => parseTicketEnvelope(body));
    }
  });
});

describe('ticket with note (AddNote, ChangeStatus, Close)', () => {
  it('reads the observed shape {"Ticket", "Note"}', () => {
    const result = parseTicketWithNote({ Ticket: ticketRecord, Note: noteRecord });
    expect(result.ticket.get(1)?.value).toBe(101);
    expect(result.note?.get(5)?.value).toBe('Restarted the spooler.');
  });

  it('reads the doc shape {"Ticket", "TicketNote"} and an AssignmentNote', () => {
    expect(parseTicketWithNote({ Ticket: ticketRecord, TicketNote: noteRecord }).note?.get(1)?.value).toBe(
      1001,
    );
    expect(
      parseTicketWithNote({ Tickets: ticketRecord, AssignmentNote: [noteRecord] }).note?.get(1)?.value,
    ).toBe(1001);
  });

  it('gives a null note when the server sent none', () => {
    expect(parseTicketWithNote({ Ticket: ticketRecord }).note).toBeNull();
  });

  it('repairs the doc page Close example whose note text sits in DisplayName', () => {
    const result = parseTicketWithNote({
      Ticket: ticketRecord,
      Note: { '5': { DisplayName: 'This is a Ticket Note for closing.', Value: 'note' } },
    });
    expect(result.note?.get(5)?.value).toBe('This is a Ticket Note for closing.');
  });

  it('rejects a body without a ticket as malformed', () => {
    expectMalformed(() => parseTicketWithNote({ Note: noteRecord }));
  });
});

describe('note by id', () => {
  it('reads {"Note": [ {...} ]} (array of one, as documented)', () => {
    expect(parseNoteEnvelope({ Note: [noteRecord] }).get(5)?.value).toBe('Restarted the spooler.');
  });

  it('reads {"Note": {...}} and {"TicketNote": {...}}', () => {
    expect(parseNoteEnvelope({ Note: noteRecord }).get(1)?.value).toBe(1001);
    expect(parseNoteEnvelope({ TicketNote: noteRecord }).get(1)?.value).toBe(1001);
  });

  it('rejects an empty array or a missing note as malformed', () => {
    expectMalformed(() => parseNoteEnvelope({ Note: [] }));
    expectMalformed(() => parseNoteEnvelope({ Notes: [noteRecord] }));
  });
});

describe('lists', () => {
  it('reads {"Count", "TicketNotes"}', () => {
    const list = parseRecordList({ Count: 31, TicketNotes: [noteRecord, noteRecord] }, 'notes');
    expect(list.count).toBe(31);
    expect(list.records).toHaveLength(2);
    expect(list.records[0]?.get(26)?.value).toBe('Technician Note');
  });

  it('reads attachments and assignments under their own keys', () => {
    expect(
      parseRecordList(
        { Count: 1, TicketAttachments: [{ '7': { DisplayName: 'File Name', Value: 'a.txt' } }] },
        'attachments',
      ).records[0]?.get(7)?.value,
    ).toBe('a.txt');
    expect(parseRecordList({ Count: 2, Assignments: [{}, {}] }, 'assignments').count).toBe(2);
  });

  it('uses the length when Count is missing and tolerates a numeric string Count', () => {
    expect(parseRecordList({ TicketNotes: [noteRecord] }, 'notes').count).toBe(1);
    expect(parseRecordList({ Count: '7', TicketNotes: [] }, 'notes').count).toBe(7);
  });

  it('accepts an empty set without its array', () => {
    expect(parseRecordList({ Count: 0 }, 'notes')).toEqual({ count: 0, records: [] });
  });

  it('rejects a list of the wrong kind or with non-record items as malformed', () => {
    expectMalformed(() => parseRecordList({ Count: 1, TicketAttachments: [{}] }, 'notes'));
    expectMalformed(() => parseRecordList({ Count: 1, TicketNotes: ['x'] }, 'notes'));
    expectMalformed(() => parseRecordList({ Count: -1, TicketNotes: [] }, 'notes'));
    expectMalformed(() => parseRecordList([noteRecord], 'notes'));
  });
});

describe('templates, delete, searches, module fields', () => {
  it('reads {"TicketTemplates": [...]}', () => {
    const templates = parseTemplates({
      TicketTemplates: [{ '3': { DisplayName: 'Name', Value: 'New Hire' } }],
    });
    expect(templates[0]?.get(3)?.value).toBe('New Hire');
  });

  it('rejects templates without a list as malformed', () => {
    expectMalformed(() => parseTemplates({ Count: 1 }));
  });

  it('reads {"success": true} and {"success": false}', () => {
    expect(parseSuccess({ success: true })).toBe(true);
    expect(parseSuccess({ success: false })).toBe(false);
    expect(parseSuccess({ Success: 'True' })).toBe(true);
    expectMalformed(() => parseSuccess({}));
    expectMalformed(() => parseSuccess(null));
  });

  it('takes the first array of a search response as its records', () => {
    const result = parseSearchResults({ Count: 120, Results: [ticketRecord, 'junk', ticketRecord] });
    expect(result.count).toBe(120);
    expect(result.records).toHaveLength(2);
    expect(parseSearchResults({ Whatever: [ticketRecord] }).count).toBeNull();
    expect(parseSearchResults([ticketRecord]).records[0]?.get(1)?.value).toBe(101);
    expectMalformed(() => parseSearchResults({ Count: 3 }));
  });

  it('reads module fields bare or wrapped, with null values', () => {
    const bare = parseModuleFields({
      '1': { DisplayName: 'Ticket ID' },
      '2': { DisplayName: 'Last Modified' },
    });
    expect(bare.get(2)).toEqual({ displayName: 'Last Modified', value: null });
    expect(parseModuleFields({ Fields: { '1': { DisplayName: 'Ticket ID' } } }).get(1)?.displayName).toBe(
      'Ticket ID',
    );
    expectMalformed(() => parseModuleFields({ Fields: [] }));
  });
});

describe('token response', () => {
  it('reads the OWIN token with Track-It!’s spaced technician keys', () => {
    const parsed = tokenResponseSchema.parse({
      access_token: 'abc+/=',
      token_type: 'bearer',
      expires_in: 1799,
      refresh_token: 'r',
      '.issued': 'Tue, 11 Jun 2019 09:04:53 GMT',
      '.expires': 'Tue, 11 Jun 2019 09:34:53 GMT',
      username: 'TECH1',
      usergroupname: 'HELP DESK',
      'First Name': ' Tess ',
      'Last Name': 'Tech',
      'EMail Address': null,
    });
    expect(parsed.access_token).toBe('abc+/=');
    expect(parsed['First Name']).toBe('Tess');
    expect(parsed['EMail Address']).toBeNull();
  });

  it('refuses a body without an access token', () => {
    expect(tokenResponseSchema.safeParse({ token_type: 'bearer' }).success).toBe(false);
  });
});

// ---- Fuzzing: every parser returns a value or throws ApiError 'malformed', nothing else --------------------

const anyValue = fc.anything({ maxDepth: 3 });
const entry = fc.oneof(
  fc.record(
    {
      DisplayName: fc.oneof(fc.string(), anyValue),
      Value: fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), anyValue),
    },
    { requiredKeys: [] },
  ),
  anyValue,
);
const record = fc.dictionary(fc.oneof(fc.nat({ max: 200 }).map(String), fc.string()), entry, { maxKeys: 8 });
const recordish = fc.oneof(record, fc.array(record, { maxLength: 3 }), anyValue);
const envelope = fc.record(
  {
    Ticket: recordish,
    Tickets: recordish,
    Note: recordish,
    TicketNote: recordish,
    AssignmentNote: recordish,
    Count: fc.oneof(fc.nat(), fc.integer(), fc.string(), anyValue),
    TicketNotes: fc.oneof(fc.array(record, { maxLength: 3 }), anyValue),
    TicketAttachments: fc.oneof(fc.array(record, { maxLength: 3 }), anyValue),
    Assignments: fc.oneof(fc.array(record, { maxLength: 3 }), anyValue),
    TicketTemplates: fc.oneof(fc.array(record, { maxLength: 3 }), anyValue),
    success: fc.oneof(fc.boolean(), fc.string(), anyValue),
    Results: fc.oneof(fc.array(recordish, { maxLength: 3 }), anyValue),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  envelope,
  recordish,
  anyValue,
  fc.json().map((text) => JSON.parse(text) as unknown),
);

const parsers: [string, (input: unknown) => unknown][] = [
  ['parseTicketEnvelope', (input) => parseTicketEnvelope(input)],
  ['parseTicketWithNote', (input) => parseTicketWithNote(input)],
  ['parseNoteEnvelope', (input) => parseNoteEnvelope(input)],
  ['parseRecordList notes', (input) => parseRecordList(input, 'notes')],
  ['parseRecordList attachments', (input) => parseRecordList(input, 'attachments')],
  ['parseRecordList assignments', (input) => parseRecordList(input, 'assignments')],
  ['parseTemplates', (input) => parseTemplates(input)],
  ['parseSuccess', (input) => parseSuccess(input)],
  ['parseSearchResults', (input) => parseSearchResults(input)],
  ['parseModuleFields', (input) => parseModuleFields(input)],
  ['tokenResponseSchema', (input) => tokenResponseSchema.safeParse(input)],
];

describe('fuzzed parsers', () => {
  it.each(parsers)('%s returns a value or ApiError malformed for 1,000 random bodies', (_name, parse) => {
    fc.assert(
      fc.property(body, (input) => {
        try {
          parse(input);
        } catch (error) {
          if (!(error instanceof ApiError) || error.kind !== 'malformed') throw error;
        }
      }),
      { numRuns: 1000 },
    );
  });

  const wellFormedRecord = fc.dictionary(
    fc.integer({ min: 1, max: 200 }).map(String),
    fc.record({
      DisplayName: fc
        .string({ minLength: 1 })
        .filter((name) => name.trim() !== '' && name.trim().toLowerCase() !== 'note'),
      Value: fc.oneof(fc.string(), fc.integer(), fc.boolean()),
    }),
    { minKeys: 1, maxKeys: 10 },
  );

  it('reads every well-formed ticket envelope of either shape, field for field', () => {
    fc.assert(
      fc.property(
        wellFormedRecord,
        fc.constantFrom('Ticket', 'Tickets'),
        fc.boolean(),
        (rec, key, asArray) => {
          const map = parseTicketEnvelope({ [key]: asArray ? [rec] : rec });
          expect(map.size).toBe(Object.keys(rec).length);
          for (const [seq, wire] of Object.entries(rec)) {
            if (seq === '5' && wire.Value === 'note') continue;
            expect(map.get(Number(seq))).toEqual({ displayName: wire.DisplayName.trim(), value: wire.Value });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads every well-formed list with its count', () => {
    fc.assert(
      fc.property(fc.array(wellFormedRecord, { maxLength: 5 }), fc.nat(), (records, extra) => {
        const list = parseRecordList({ Count: records.length + extra, TicketNotes: records }, 'notes');
        expect(list.records).toHaveLength(records.length);
        expect(list.count).toBe(records.length + extra);
      }),
      { numRuns: 1000 },
    );
  });
});
