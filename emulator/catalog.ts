// The emulator's own copy of the doc page's field tables (ticket-web-apis.txt). It is deliberately not shared
// with src/: a shared catalog would hide disagreements between the client and the documentation
// (architecture guide, "The emulator").

export type FieldType = 'int' | 'decimal' | 'text' | 'date' | 'bool';

export interface FieldDef {
  readonly seq: number;
  /** The name the doc page prints. */
  readonly docName: string;
  /** The name this site shows: admins rename fields and the server returns the renamed ones (doc page, GET /tickets/{id}). */
  readonly displayName: string;
  readonly type: FieldType;
  /** In the doc page's table of fields POST /tickets/{id} may update. */
  readonly editable: boolean;
}

type Row = readonly [seq: number, docName: string, type: FieldType, editable: boolean];

// GET /tickets/{id} table, with the editable flag from the POST /tickets/{id} "you can update" table.
const ticketRows: readonly Row[] = [
  [1, 'Ticket ID', 'int', false],
  [2, 'Last Modified', 'date', false],
  [3, 'Last User', 'text', false],
  [4, 'Seq_Group', 'int', true],
  [7, 'Additional Information', 'text', true],
  [8, 'Seq_Requestor', 'int', true],
  [10, 'Seq_Assigned To', 'int', true],
  [11, 'Seq_Category', 'int', true],
  [12, 'Open Date & Time', 'date', false],
  [14, 'Seq_Location', 'int', true],
  [15, 'Seq_Department', 'int', true],
  [16, 'Seq_Open By', 'int', false],
  [17, 'Seq_Closed By', 'int', false],
  [18, 'Close Date & Time', 'date', false],
  [19, 'Callback Number', 'text', true],
  [20, 'Call Counter', 'int', true],
  [22, 'Ticket Summary', 'text', true],
  [28, 'Alternate Email ID', 'text', true],
  [34, 'Assigned To Group', 'text', true],
  [36, 'Requestor ID', 'text', true],
  [37, 'Requestor First Name', 'text', true],
  [38, 'Requestor Last Name', 'text', true],
  [39, 'Requestor Phone', 'text', true],
  [40, 'Requestor Ext.', 'text', true],
  [43, 'Requestor Title', 'text', true],
  [48, 'Closed By Technician', 'text', false],
  [49, 'Location', 'text', true],
  [53, 'Location Main Contact', 'text', false],
  [65, 'Department', 'text', true],
  [66, 'Opened By Technician', 'text', false],
  [67, 'Assigned To Technician', 'text', true],
  [68, 'Assigned To First Name', 'text', true],
  [69, 'Assigned To Last Name', 'text', true],
  [70, 'Assigned To Phone', 'text', true],
  [71, 'Assigned To Extension', 'text', true],
  [72, 'Category', 'text', true],
  [75, 'Seq_SLA', 'int', true],
  [81, 'Custom Date 1', 'date', true],
  [82, 'Custom Date 2', 'date', true],
  [83, 'Custom Integer 1', 'int', true],
  [84, 'Custom Numeric 1', 'decimal', true],
  [85, 'Custom Text 1', 'text', true],
  [86, 'Custom Text 2', 'text', true],
  [87, 'Custom Text 3', 'text', true],
  [88, 'Custom Text 4', 'text', true],
  [89, 'Custom Text 5', 'text', true],
  [90, 'Custom Text 6', 'text', true],
  [91, 'SLA', 'text', true],
  [92, 'SLA Description', 'text', true],
  [95, 'Seq_Status', 'int', true],
  [96, 'Status', 'text', true],
  [97, 'Status Description', 'text', true],
  [100, 'Expected Due Date & Time', 'date', true],
  [102, 'Inactive', 'bool', true],
  [103, 'Clock Stop Time', 'date', false],
  [106, 'Seq_Priority', 'int', true],
  [107, 'Priority', 'text', true],
  [108, 'Duration', 'int', false],
  [109, 'First Call Resolution', 'bool', true],
  [110, 'Expected Response Date & Time', 'date', true],
  [111, 'Expected Fix Date & Time', 'date', true],
  [114, 'Requestor Email Address', 'text', true],
  [116, 'Custom Look Up 1', 'text', true],
  [117, 'Custom Look Up 2', 'text', true],
  [118, 'Custom Look Up 3', 'text', true],
  [119, 'Custom Look Up 4', 'text', true],
  [120, 'Custom Look Up 5', 'text', true],
  [121, 'Custom Look Up 6', 'text', true],
  [122, 'Custom Look Up 7', 'text', true],
  [123, 'Custom Look Up 8', 'text', true],
  [124, 'Opened Group', 'text', false],
  [125, 'Closed Group', 'text', false],
  [127, 'Ticket Source', 'text', true],
  [128, 'Opened By First Name', 'text', false],
  [129, 'Opened By Last Name', 'text', false],
  [130, 'Closed By First Name', 'text', false],
  [131, 'Closed By Last Name', 'text', false],
  [132, 'Responded Date & Time', 'date', false],
  [136, 'SLA Milestones Complete', 'int', true],
  [141, 'Change ID', 'int', true],
  [142, 'Priority Duration', 'int', true],
  [145, 'Template', 'text', true],
  [146, 'Custom Date 3', 'date', true],
  [147, 'Custom Date 4', 'date', true],
  [148, 'Hourly Rate', 'decimal', false],
  [149, 'Requestor', 'text', true],
  [150, 'Seq_Responded By', 'int', false],
  [151, 'Responded By Technician', 'text', false],
  [152, 'Responded By First Name', 'text', false],
  [153, 'Responded By Last Name', 'text', false],
  [156, 'Charge', 'decimal', false],
  [157, 'Assigned To Full Name', 'text', true],
  [158, 'Solution ID', 'int', true],
  [159, 'Solution Summary', 'text', true],
  [160, 'Seq_EscalateToTechnician', 'int', false],
  [161, 'Escalate To Technician', 'text', false],
  [162, 'Escalate To Technician Email', 'text', false],
  [163, 'Total Time Spent', 'int', false],
  [164, 'Category Full Path', 'text', false],
  [165, 'TI11 WO ID', 'int', true],
  [166, 'Asset ID', 'int', true],
  [167, 'BCM Asset ID', 'text', true],
  [168, 'Asset Name', 'text', true],
  [169, 'Audit Date', 'date', false],
  [170, 'Serial Number', 'text', false],
  [171, 'Escalate To Login ID', 'text', false],
  [172, 'Change Summary', 'text', true],
  [174, 'Change Request Status', 'text', false],
  [175, 'Latest Note Date', 'date', false],
  [176, 'Change Request Status Type', 'text', false],
  [177, 'Open By Name', 'text', false],
  [178, 'Seq_Purchase Order', 'int', true],
  [179, 'Purchase Order Number', 'text', true],
  [180, 'Date Ordered', 'date', false],
  [181, 'Date Required', 'date', false],
  [182, 'Date Closed', 'date', false],
  [183, 'Total Cost', 'decimal', false],
  [184, 'Purchase Order Status', 'text', false],
  [185, 'Email Cc', 'text', true],
  [186, 'Email Bcc', 'text', true],
];

/** This site's renamed fields (interfaces.md: seed facts). */
const ticketRenames: Readonly<Record<number, string>> = {
  81: 'Warranty Expires',
  85: 'Asset Tag',
  116: 'Building',
};

function build(rows: readonly Row[], renames: Readonly<Record<number, string>> = {}): readonly FieldDef[] {
  return rows.map(([seq, docName, type, editable]) => ({
    seq,
    docName,
    displayName: renames[seq] ?? docName,
    type,
    editable,
  }));
}

export const ticketFields: readonly FieldDef[] = build(ticketRows, ticketRenames);

export const ticketFieldBySeq: ReadonlyMap<number, FieldDef> = new Map(ticketFields.map((f) => [f.seq, f]));

/** Lower-cased, trimmed current display name -> field (Properties keys, protocol-notes §5 #12). */
export const ticketFieldByName: ReadonlyMap<string, FieldDef> = new Map(
  ticketFields.map((f) => [f.displayName.trim().toLowerCase(), f]),
);

// GET /tickets/Note/{noteId} table.
export const noteFields: readonly FieldDef[] = build([
  [1, 'Sequence', 'int', false],
  [2, 'Last Modified', 'date', false],
  [3, 'Last User', 'text', false],
  [4, 'Seq_Group', 'int', false],
  [5, 'Note', 'text', false],
  [6, 'Ticket ID', 'int', false],
  [7, 'Date', 'date', false],
  [8, 'Seq_Technician', 'int', false],
  [10, 'Duration', 'int', false],
  [11, 'Seq_Activity Code', 'int', false],
  [13, 'Note Exists', 'bool', false],
  [14, 'System Activity', 'text', false],
  [15, 'Activity Code', 'text', false],
  [16, 'Technician Name', 'text', false],
  [17, 'Inactive', 'bool', false],
  [24, 'Email (To/From)', 'text', false],
  [25, 'Seq_EmailMgmt', 'int', false],
  [26, 'Note Type', 'text', false],
  [27, 'Private', 'bool', false],
  [28, 'Seq_Requestor', 'int', false],
  [29, 'Requestor Name', 'text', false],
  [30, 'Activity Code Description', 'text', false],
  [31, 'Track Time', 'bool', false],
  [32, 'TI11 Note ID', 'int', false],
]);

// Attachment fields seen on the doc page plus Last Modified / Last User (interfaces.md).
export const attachmentFields: readonly FieldDef[] = build([
  [1, 'Sequence', 'int', false],
  [2, 'Last Modified', 'date', false],
  [3, 'Last User', 'text', false],
  [6, 'File Size', 'int', false],
  [7, 'File Name', 'text', false],
  [14, 'URL Link', 'text', false],
]);

// Assignment (work order) fields the ticket's Assignments list returns (interfaces.md).
export const assignmentFields: readonly FieldDef[] = build([
  [1, 'Assignment ID', 'int', false],
  [2, 'Last Modified', 'date', false],
  [3, 'Last User', 'text', false],
  [4, 'Seq_Group', 'int', false],
  [6, 'Ticket ID', 'int', false],
  [12, 'Open Date & Time', 'date', false],
  [18, 'Close Date & Time', 'date', false],
  [22, 'Assignment Summary', 'text', false],
  [34, 'Assigned To Group', 'text', false],
  [67, 'Assigned To Technician', 'text', false],
  [96, 'Status', 'text', false],
  [100, 'Expected Due Date & Time', 'date', false],
  [107, 'Priority', 'text', false],
  [157, 'Assigned To Full Name', 'text', false],
]);

// GET /tickets/Templates example fields.
export const templateFields: readonly FieldDef[] = build([
  [1, 'Sequence', 'int', false],
  [2, 'Last Modified', 'date', false],
  [3, 'Name', 'text', false],
  [4, 'Description', 'text', false],
  [6, 'Template Data', 'text', false],
  [10, 'Is Used in Self Service', 'bool', false],
]);

/** The nine permissions the doc page names; the 403 message quotes them verbatim. */
export const permissions = [
  'View Ticket',
  'Edit Ticket',
  'Create Ticket',
  'Delete Ticket',
  'Close Tickets',
  'Create Ticket Notes',
  'View Ticket Notes',
  'View Attachment',
  'View Assignment',
] as const;

export type Permission = (typeof permissions)[number];

export const viewPermissions: readonly Permission[] = [
  'View Ticket',
  'View Ticket Notes',
  'View Attachment',
  'View Assignment',
];

/** Module sequence for tickets: 24 per the doc pages, 1 per a 2021 client (protocol-notes §2.6). */
export const ticketModuleIds: ReadonlySet<number> = new Set([24, 1]);
