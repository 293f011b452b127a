import type { ListTicket } from './list-ticket.ts';

// The list's columns: every field the local ticket index keeps (indexed-ticket.ts), so that any of them can be
// shown, sorted and exported. Values come from the server: the table renders them as text only.

export type ColumnKind = 'id' | 'text' | 'date' | 'boolean';

export interface ListColumn {
  key: ColumnKey;
  label: string;
  kind: ColumnKind;
  /** The raw value used to sort and filter. */
  value: (ticket: ListTicket) => string | number | boolean | null;
  /** Width on a desktop, in px (the summary takes what is left). */
  width: number;
}

export const COLUMN_KEYS = [
  'id',
  'summary',
  'status',
  'priority',
  'assignee',
  'group',
  'category',
  'requestor',
  'opened',
  'due',
  'closed',
  'modified',
  'latestNote',
  'statusType',
  'inactive',
] as const;

export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const listColumns: Readonly<Record<ColumnKey, ListColumn>> = {
  id: { key: 'id', label: 'ID', kind: 'id', value: (t) => t.id, width: 80 },
  summary: { key: 'summary', label: 'Summary', kind: 'text', value: (t) => t.summary, width: 320 },
  status: { key: 'status', label: 'Status', kind: 'text', value: (t) => t.status, width: 160 },
  priority: { key: 'priority', label: 'Priority', kind: 'text', value: (t) => t.priority, width: 120 },
  assignee: {
    key: 'assignee',
    label: 'Assigned to',
    kind: 'text',
    value: (t) => t.assigneeName ?? t.assigneeLogin,
    width: 160,
  },
  group: { key: 'group', label: 'Group', kind: 'text', value: (t) => t.group, width: 160 },
  category: { key: 'category', label: 'Category', kind: 'text', value: (t) => t.category, width: 180 },
  requestor: {
    key: 'requestor',
    label: 'Requestor',
    kind: 'text',
    value: (t) => t.requestorName,
    width: 160,
  },
  opened: { key: 'opened', label: 'Opened', kind: 'date', value: (t) => t.openedAt, width: 170 },
  due: { key: 'due', label: 'Due', kind: 'date', value: (t) => t.dueAt, width: 170 },
  closed: { key: 'closed', label: 'Closed', kind: 'date', value: (t) => t.closedAt, width: 170 },
  modified: {
    key: 'modified',
    label: 'Last modified',
    kind: 'date',
    value: (t) => t.lastModifiedAt,
    width: 170,
  },
  latestNote: {
    key: 'latestNote',
    label: 'Latest note',
    kind: 'date',
    value: (t) => t.latestNoteAt,
    width: 170,
  },
  statusType: {
    key: 'statusType',
    label: 'Status type',
    kind: 'text',
    value: (t) => t.statusType,
    width: 120,
  },
  inactive: { key: 'inactive', label: 'Inactive', kind: 'boolean', value: (t) => t.inactive, width: 90 },
};

export const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  'id',
  'summary',
  'status',
  'priority',
  'assignee',
  'due',
  'modified',
];

export function isColumnKey(value: string): value is ColumnKey {
  return (COLUMN_KEYS as readonly string[]).includes(value);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A cell as the table shows it (and CSV exports it): dates in the browser's zone, empty text for null. */
export function formatCell(column: ListColumn, ticket: ListTicket): string {
  const value = column.value(ticket);
  if (value === null) return '';
  switch (column.kind) {
    case 'date':
      return typeof value === 'number' ? dateFormat.format(value) : '';
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'id':
      return String(value);
    default:
      return String(value);
  }
}
