import type { Permission } from './catalog.ts';

/** A field value as it travels on the wire (nulls are left out of records, doc page "Null values are not retrieved"). */
export type WireValue = string | number | boolean;

/** A stored record: field sequence (as a string key) -> value. Display names come from the catalog when rendered. */
export type Values = Record<string, WireValue>;

export type StatusType = 'open' | 'closed' | 'stop-the-clock';

export interface Group {
  readonly seq: number;
  readonly name: string;
}

export interface Technician {
  readonly seq: number;
  readonly login: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phone: string;
  readonly extension: string;
  readonly email: string;
  readonly alternatePhone: string;
  /** `DOMAIN\user` for Windows-integrated sign-in (`GROUP\DOMAIN\user`, protocol-notes §1.1). */
  readonly windowsLogin: string | null;
  readonly password: string;
  readonly groups: readonly number[];
  readonly permissions: readonly Permission[];
  /** Sees every group's tickets (data segregation does not apply). */
  readonly allGroups: boolean;
}

export interface Requestor {
  readonly seq: number;
  readonly requestorId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phone: string;
  readonly extension: string;
  readonly title: string;
  readonly email: string;
  readonly locationSeq: number;
  readonly departmentSeq: number;
}

export interface Location {
  readonly seq: number;
  readonly name: string;
  readonly mainContact: string;
}

export interface Department {
  readonly seq: number;
  readonly name: string;
}

export interface Category {
  readonly seq: number;
  readonly name: string;
  /** Backslash-separated, as Track-It! writes it (`Hardware\Printer`). */
  readonly fullPath: string;
}

export interface Status {
  readonly seq: number;
  readonly name: string;
  readonly type: StatusType;
  readonly description: string;
  readonly isDefaultClosed: boolean;
  readonly isDefaultOpen: boolean;
}

export interface Priority {
  readonly seq: number;
  readonly name: string;
  readonly responseHours: number;
  readonly fixHours: number;
}

export interface NoteType {
  readonly seq: number;
  readonly name: string;
  /** Only the server writes these (status changes, edits, closes). */
  readonly system: boolean;
}

export interface ActivityCode {
  readonly seq: number;
  readonly name: string;
  readonly description: string;
  /** "You can only specify Activity Codes available for tickets" (doc page, AddNote). */
  readonly forTickets: boolean;
}

export interface Sla {
  readonly seq: number;
  readonly name: string;
  readonly description: string;
}

export interface Template {
  readonly seq: number;
  readonly name: string;
  readonly description: string;
  readonly data: string;
  readonly selfService: boolean;
  readonly active: boolean;
  /** Groups the template is available to; null = every group ("Templates are retrieved based on group availability"). */
  readonly groups: readonly number[] | null;
  readonly lastModified: string;
}

export interface Reference {
  readonly groups: readonly Group[];
  readonly technicians: readonly Technician[];
  readonly requestors: readonly Requestor[];
  readonly locations: readonly Location[];
  readonly departments: readonly Department[];
  readonly categories: readonly Category[];
  readonly statuses: readonly Status[];
  readonly priorities: readonly Priority[];
  readonly noteTypes: readonly NoteType[];
  readonly activityCodes: readonly ActivityCode[];
  readonly slas: readonly Sla[];
  readonly templates: readonly Template[];
}

function byLower<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) map.set(k.trim().toLowerCase(), item);
  }
  return map;
}

function bySeq<T extends { seq: number }>(items: readonly T[]): Map<number, T> {
  return new Map(items.map((item) => [item.seq, item]));
}

/** Lookup indexes over the reference data, built once per store (never per request). */
export class Vocabulary {
  readonly ref: Reference;
  readonly groupBySeq: Map<number, Group>;
  readonly groupByName: Map<string, Group>;
  readonly techBySeq: Map<number, Technician>;
  readonly techByLogin: Map<string, Technician>;
  readonly techByFullName: Map<string, Technician>;
  readonly techByWindowsLogin: Map<string, Technician>;
  readonly requestorBySeq: Map<number, Requestor>;
  readonly requestorById: Map<string, Requestor>;
  readonly requestorByFullName: Map<string, Requestor>;
  readonly locationBySeq: Map<number, Location>;
  readonly locationByName: Map<string, Location>;
  readonly departmentBySeq: Map<number, Department>;
  readonly departmentByName: Map<string, Department>;
  readonly categoryBySeq: Map<number, Category>;
  readonly categoryByName: Map<string, Category>;
  readonly categoryByPath: Map<string, Category>;
  readonly statusBySeq: Map<number, Status>;
  readonly statusByName: Map<string, Status>;
  readonly priorityBySeq: Map<number, Priority>;
  readonly priorityByName: Map<string, Priority>;
  readonly noteTypeByName: Map<string, NoteType>;
  readonly activityByName: Map<string, ActivityCode>;
  readonly slaBySeq: Map<number, Sla>;
  readonly slaByName: Map<string, Sla>;
  readonly defaultOpenStatus: Status;
  readonly defaultClosedStatus: Status;
  readonly systemNoteType: NoteType;

  constructor(ref: Reference) {
    this.ref = ref;
    this.groupBySeq = bySeq(ref.groups);
    this.groupByName = byLower(ref.groups, (g) => g.name);
    this.techBySeq = bySeq(ref.technicians);
    this.techByLogin = byLower(ref.technicians, (t) => t.login);
    this.techByFullName = byLower(ref.technicians, (t) => fullName(t));
    this.techByWindowsLogin = byLower(ref.technicians, (t) => t.windowsLogin);
    this.requestorBySeq = bySeq(ref.requestors);
    this.requestorById = byLower(ref.requestors, (r) => r.requestorId);
    this.requestorByFullName = byLower(ref.requestors, (r) => fullName(r));
    this.locationBySeq = bySeq(ref.locations);
    this.locationByName = byLower(ref.locations, (l) => l.name);
    this.departmentBySeq = bySeq(ref.departments);
    this.departmentByName = byLower(ref.departments, (d) => d.name);
    this.categoryBySeq = bySeq(ref.categories);
    this.categoryByName = byLower(ref.categories, (c) => c.name);
    this.categoryByPath = byLower(ref.categories, (c) => c.fullPath);
    this.statusBySeq = bySeq(ref.statuses);
    this.statusByName = byLower(ref.statuses, (s) => s.name);
    this.priorityBySeq = bySeq(ref.priorities);
    this.priorityByName = byLower(ref.priorities, (p) => p.name);
    this.noteTypeByName = byLower(ref.noteTypes, (n) => n.name);
    this.activityByName = byLower(ref.activityCodes, (a) => a.name);
    this.slaBySeq = bySeq(ref.slas);
    this.slaByName = byLower(ref.slas, (s) => s.name);
    const open = ref.statuses.find((s) => s.isDefaultOpen);
    const closed = ref.statuses.find((s) => s.isDefaultClosed);
    const system = ref.noteTypes.find((n) => n.system);
    if (!open || !closed || !system)
      throw new Error('Reference data lacks a default status or the system note type.');
    this.defaultOpenStatus = open;
    this.defaultClosedStatus = closed;
    this.systemNoteType = system;
  }

  /** The ticket's Seq_Group values a technician signed in with `groupSeq` may see (data segregation). */
  canSee(tech: Technician, signedInGroup: number, ticketGroup: number): boolean {
    return tech.allGroups || ticketGroup === signedInGroup;
  }
}

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}
