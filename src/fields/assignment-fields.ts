import type { FieldDefinition } from './field-kinds.ts';

// Assignment records (GET /tickets/{id}/Assignments/...). The doc page shows only seqs 1..4 in its example;
// the rest are the agreed emulator fields (interfaces.md), numbered like the matching ticket fields. This app
// shows assignments read-only.

export type AssignmentSection = 'main' | 'dates' | 'system';

export const AssignmentSeq = {
  assignmentId: 1,
  lastModified: 2,
  lastUser: 3,
  seqGroup: 4,
  ticketId: 6,
  openDateTime: 12,
  closeDateTime: 18,
  assignmentSummary: 22,
  assignedToGroup: 34,
  assignedToTechnician: 67,
  status: 96,
  expectedDueDateTime: 100,
  priority: 107,
  assignedToFullName: 157,
} as const;

export type AssignmentSeqValue = (typeof AssignmentSeq)[keyof typeof AssignmentSeq];

export const assignmentCatalog = {
  1: { key: 'assignmentId', name: 'Assignment ID', kind: 'integer', section: 'system', editable: false },
  2: { key: 'lastModified', name: 'Last Modified', kind: 'date-time', section: 'system', editable: false },
  3: { key: 'lastUser', name: 'Last User', kind: 'text', section: 'system', editable: false },
  4: { key: 'seqGroup', name: 'Seq_Group', kind: 'foreign-key', section: 'system', editable: false },
  6: { key: 'ticketId', name: 'Ticket ID', kind: 'integer', section: 'system', editable: false },
  12: { key: 'openDateTime', name: 'Open Date & Time', kind: 'date-time', section: 'dates', editable: false },
  18: {
    key: 'closeDateTime',
    name: 'Close Date & Time',
    kind: 'date-time',
    section: 'dates',
    editable: false,
  },
  22: {
    key: 'assignmentSummary',
    name: 'Assignment Summary',
    kind: 'text',
    section: 'main',
    editable: false,
  },
  34: {
    key: 'assignedToGroup',
    name: 'Assigned To Group',
    kind: 'text',
    section: 'main',
    editable: false,
    lookup: 'group',
  },
  67: {
    key: 'assignedToTechnician',
    name: 'Assigned To Technician',
    kind: 'text',
    section: 'main',
    editable: false,
    lookup: 'technician',
  },
  96: { key: 'status', name: 'Status', kind: 'text', section: 'main', editable: false, lookup: 'status' },
  100: {
    key: 'expectedDueDateTime',
    name: 'Expected Due Date & Time',
    kind: 'date-time',
    section: 'dates',
    editable: false,
  },
  107: {
    key: 'priority',
    name: 'Priority',
    kind: 'text',
    section: 'main',
    editable: false,
    lookup: 'priority',
  },
  157: {
    key: 'assignedToFullName',
    name: 'Assigned To Full Name',
    kind: 'text',
    section: 'main',
    editable: false,
  },
} as const satisfies { readonly [S in AssignmentSeqValue]: FieldDefinition<AssignmentSection> };
