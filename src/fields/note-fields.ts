import type { FieldDefinition } from './field-kinds.ts';

// Ticket note records: the doc page's GET /tickets/Note/{noteId} table (seqs 1..32). `editable` marks what
// AddNote takes (Note Type, Activity Code, Note, Duration, Private; protocol-notes §2.3). Seq 5's display name
// and value can arrive swapped (protocol-notes §5 #3); api/field-map.ts repairs that before it gets here.

export type NoteSection = 'main' | 'details' | 'system';

export const NoteSeq = {
  sequence: 1,
  lastModified: 2,
  lastUser: 3,
  seqGroup: 4,
  note: 5,
  ticketId: 6,
  date: 7,
  seqTechnician: 8,
  duration: 10,
  seqActivityCode: 11,
  noteExists: 13,
  systemActivity: 14,
  activityCode: 15,
  technicianName: 16,
  inactive: 17,
  emailToFrom: 24,
  seqEmailMgmt: 25,
  noteType: 26,
  private: 27,
  seqRequestor: 28,
  requestorName: 29,
  activityCodeDescription: 30,
  trackTime: 31,
  ti11NoteId: 32,
} as const;

export type NoteSeqValue = (typeof NoteSeq)[keyof typeof NoteSeq];

export const noteCatalog = {
  1: { key: 'sequence', name: 'Sequence', kind: 'integer', section: 'system', editable: false },
  2: { key: 'lastModified', name: 'Last Modified', kind: 'date-time', section: 'system', editable: false },
  3: { key: 'lastUser', name: 'Last User', kind: 'text', section: 'system', editable: false },
  4: { key: 'seqGroup', name: 'Seq_Group', kind: 'foreign-key', section: 'system', editable: false },
  5: { key: 'note', name: 'Note', kind: 'long-text', section: 'main', editable: true },
  6: { key: 'ticketId', name: 'Ticket ID', kind: 'integer', section: 'system', editable: false },
  7: { key: 'date', name: 'Date', kind: 'date-time', section: 'details', editable: false },
  8: {
    key: 'seqTechnician',
    name: 'Seq_Technician',
    kind: 'foreign-key',
    section: 'system',
    editable: false,
  },
  10: { key: 'duration', name: 'Duration', kind: 'duration', section: 'details', editable: true },
  11: {
    key: 'seqActivityCode',
    name: 'Seq_Activity Code',
    kind: 'foreign-key',
    section: 'system',
    editable: false,
  },
  13: { key: 'noteExists', name: 'Note Exists', kind: 'boolean', section: 'system', editable: false },
  // Set only on system notes ("Status Changed", ...): how the timeline tells them from user notes.
  14: { key: 'systemActivity', name: 'System Activity', kind: 'text', section: 'details', editable: false },
  15: {
    key: 'activityCode',
    name: 'Activity Code',
    kind: 'text',
    section: 'details',
    editable: true,
    lookup: 'activity-code',
  },
  16: {
    key: 'technicianName',
    name: 'Technician Name',
    kind: 'text',
    section: 'details',
    editable: false,
    lookup: 'technician',
  },
  17: { key: 'inactive', name: 'Inactive', kind: 'boolean', section: 'system', editable: false },
  24: { key: 'emailToFrom', name: 'Email (To/From)', kind: 'text', section: 'details', editable: false },
  25: { key: 'seqEmailMgmt', name: 'Seq_EmailMgmt', kind: 'foreign-key', section: 'system', editable: false },
  26: {
    key: 'noteType',
    name: 'Note Type',
    kind: 'text',
    section: 'details',
    editable: true,
    lookup: 'note-type',
  },
  27: { key: 'private', name: 'Private', kind: 'boolean', section: 'details', editable: true },
  28: { key: 'seqRequestor', name: 'Seq_Requestor', kind: 'foreign-key', section: 'system', editable: false },
  29: { key: 'requestorName', name: 'Requestor Name', kind: 'text', section: 'details', editable: false },
  30: {
    key: 'activityCodeDescription',
    name: 'Activity Code Description',
    kind: 'text',
    section: 'details',
    editable: false,
  },
  31: { key: 'trackTime', name: 'Track Time', kind: 'boolean', section: 'details', editable: false },
  32: { key: 'ti11NoteId', name: 'TI11 Note ID', kind: 'integer', section: 'system', editable: false },
} as const satisfies { readonly [S in NoteSeqValue]: FieldDefinition<NoteSection> };
