// The help desk the emulator pretends to be: groups, technicians, requestors and every lookup list. Fixed data
// plus a deterministic generator, so every fresh database is the same (apart from dates, which follow the day the
// database was made).
import { permissions, viewPermissions } from './catalog.ts';
import type { Permission } from './catalog.ts';
import type {
  ActivityCode,
  Category,
  Department,
  Group,
  Location,
  NoteType,
  Priority,
  Reference,
  Requestor,
  Sla,
  Status,
  Technician,
  Template,
} from './model.ts';
import type { Rng } from './rng.ts';
import { formatMicros } from './time.ts';

export const GROUP = {
  systemAdministration: 1,
  helpDesk: 2,
  fieldServices: 3,
  networkOperations: 4,
  desktopSupport: 5,
  applicationSupport: 6,
} as const;

const groups: Group[] = [
  { seq: GROUP.systemAdministration, name: 'SYSTEM ADMINISTRATION' },
  { seq: GROUP.helpDesk, name: 'HELP DESK' },
  { seq: GROUP.fieldServices, name: 'FIELD SERVICES' },
  { seq: GROUP.networkOperations, name: 'NETWORK OPERATIONS' },
  { seq: GROUP.desktopSupport, name: 'DESKTOP SUPPORT' },
  { seq: GROUP.applicationSupport, name: 'APPLICATION SUPPORT' },
];

const statuses: Status[] = [
  s(1, 'Open', 'open', 'Logged and waiting for a technician.', false, true),
  s(2, 'In Progress', 'open', 'A technician is working on it.', false, false),
  s(3, 'Escalated', 'open', 'Escalated to a senior technician or another group.', false, false),
  s(
    4,
    'Waiting on Requestor',
    'stop-the-clock',
    'Waiting for the requestor to answer; the SLA clock is stopped.',
  ),
  s(5, 'Paused', 'stop-the-clock', 'On hold (parts, vendor or change window); the SLA clock is stopped.'),
  s(6, 'Closed', 'closed', 'Resolved and closed.', true),
  s(7, 'Completed', 'closed', 'Work completed as requested.'),
  s(8, 'Cancelled', 'closed', 'Withdrawn by the requestor or no longer needed.'),
  s(9, 'Dismissed - No notes', 'closed', 'Closed without notes (duplicate or spam).'),
];

function s(
  seq: number,
  name: string,
  type: Status['type'],
  description: string,
  isDefaultClosed = false,
  isDefaultOpen = false,
): Status {
  return { seq, name, type, description, isDefaultClosed, isDefaultOpen };
}

const priorities: Priority[] = [
  { seq: 1, name: '1 - Critical', responseHours: 1, fixHours: 4 },
  { seq: 2, name: '2 - High', responseHours: 2, fixHours: 8 },
  { seq: 3, name: '3 - Medium', responseHours: 4, fixHours: 24 },
  { seq: 4, name: '4 - Low', responseHours: 8, fixHours: 72 },
  { seq: 5, name: '5 - Planning', responseHours: 24, fixHours: 336 },
];

const noteTypes: NoteType[] = [
  { seq: 1, name: 'Technician Note', system: false },
  { seq: 2, name: 'Ticket Description', system: false },
  { seq: 3, name: 'Ticket Resolution', system: false },
  { seq: 4, name: 'Assignment Description', system: false },
  { seq: 5, name: 'Assignment Resolution', system: false },
  { seq: 6, name: 'Email', system: false },
  { seq: 7, name: 'Requestor Note', system: false },
  { seq: 8, name: 'System Note', system: true },
];

const activityCodes: ActivityCode[] = [
  a(1, 'Note By Technician', 'General note by the technician'),
  a(2, 'Additional Information', 'More information from or for the requestor'),
  a(3, 'Completed Work', 'Work finished'),
  a(4, 'Contacted User', 'Phoned, e-mailed or visited the requestor'),
  a(5, 'Install', 'Installed hardware or software'),
  a(6, 'Research', 'Looked into the cause'),
  a(7, 'Upgrade', 'Upgraded hardware or software'),
  a(8, 'User Error', 'Caused by how the product was used'),
  a(9, 'User Resolved', 'The requestor solved it'),
  a(10, 'Remote Session', 'Connected to the device remotely'),
  a(11, 'On-site Visit', 'Visited the requestor on site'),
  a(12, 'Vendor Escalation', 'Raised with the vendor'),
  a(13, 'Work Order Handoff', 'Handed to another group as a work order', false),
];

function a(seq: number, name: string, description: string, forTickets = true): ActivityCode {
  return { seq, name, description, forTickets };
}

const slas: Sla[] = [
  { seq: 1, name: 'Standard', description: 'Business hours, Monday to Friday 8:00-18:00' },
  { seq: 2, name: 'Gold', description: 'Executives and front office: 24x7 response' },
  { seq: 3, name: 'Platinum', description: 'Data center and production systems: 24x7, 1 hour fix' },
  { seq: 4, name: 'Internal Project', description: 'Planned work, no response target' },
];

const locations: Location[] = [
  { seq: 1, name: 'Headquarters', mainContact: 'Reception (555) 010-1000' },
  { seq: 2, name: 'Boston Office', mainContact: 'Karen Doyle' },
  { seq: 3, name: 'Chicago Office', mainContact: 'Luis Ortega' },
  { seq: 4, name: 'Denver Warehouse', mainContact: 'Pete Lindqvist' },
  { seq: 5, name: 'London Office', mainContact: 'Imogen Clarke' },
  { seq: 6, name: 'Data Center', mainContact: 'NOC (555) 010-1999' },
  { seq: 7, name: 'Remote', mainContact: 'Help Desk' },
];

const departments: Department[] = [
  'Finance',
  'Human Resources',
  'Sales',
  'Marketing',
  'Engineering',
  'Operations',
  'Legal',
  'Customer Service',
  'Information Technology',
  'Executive',
].map((name, i) => ({ seq: i + 1, name }));

/** Category tree: top level -> leaves. `Applications` is the doc page's example value. */
export const categoryTree: readonly (readonly [string, readonly string[]])[] = [
  ['Applications', ['Email', 'Office Suite', 'ERP', 'CRM', 'Web Browser', 'Line of Business']],
  ['Hardware', ['Desktop', 'Laptop', 'Printer', 'Monitor', 'Mobile Device', 'Peripherals']],
  ['Network', ['Connectivity', 'VPN', 'Wireless', 'File Shares']],
  ['Accounts & Access', ['Password Reset', 'New Account', 'Permissions', 'Account Lockout']],
  ['Information Requests', []],
  ['Facilities', ['Phones', 'Audio Visual', 'Badge Access']],
  ['Security', ['Phishing', 'Malware']],
];

function buildCategories(): Category[] {
  const out: Category[] = [];
  for (const [top, leaves] of categoryTree) {
    out.push({ seq: out.length + 1, name: top, fullPath: top });
    for (const leaf of leaves) out.push({ seq: out.length + 1, name: leaf, fullPath: `${top}\\${leaf}` });
  }
  return out;
}

const allPermissions: readonly Permission[] = permissions;

interface TechSpec {
  login: string;
  first: string;
  last: string;
  groups: number[];
  perms?: readonly Permission[];
  allGroups?: boolean;
  windows?: string;
}

// The four demo sign-ins (interfaces.md) come first; the rest make a believable staff.
const techSpecs: TechSpec[] = [
  {
    login: 'ADMIN',
    first: 'Morgan',
    last: 'Blake',
    groups: [GROUP.systemAdministration, GROUP.helpDesk],
    allGroups: true,
    windows: 'CONTOSO\\admin',
  },
  { login: 'TECH1', first: 'Alex', last: 'Rivera', groups: [GROUP.helpDesk], windows: 'CONTOSO\\tech1' },
  { login: 'VIEWER', first: 'Jordan', last: 'Lee', groups: [GROUP.helpDesk], perms: viewPermissions },
  {
    login: 'FIELD1',
    first: 'Sam',
    last: 'Okafor',
    groups: [GROUP.fieldServices],
    windows: 'CONTOSO\\field1',
  },
  { login: 'PNATARAJAN', first: 'Priya', last: 'Natarajan', groups: [GROUP.helpDesk] },
  { login: 'MHALE', first: 'Marcus', last: 'Hale', groups: [GROUP.helpDesk, GROUP.desktopSupport] },
  { login: 'EVASQUEZ', first: 'Elena', last: 'Vasquez', groups: [GROUP.helpDesk] },
  { login: 'DCHEN', first: 'David', last: 'Chen', groups: [GROUP.networkOperations] },
  { login: 'FALSAYED', first: 'Fatima', last: 'Al-Sayed', groups: [GROUP.applicationSupport] },
  { login: 'TBECKER', first: 'Tom', last: 'Becker', groups: [GROUP.fieldServices] },
  { login: 'GOKONKWO', first: 'Grace', last: 'Okonkwo', groups: [GROUP.desktopSupport] },
  { login: 'LOBRIEN', first: 'Liam', last: "O'Brien", groups: [GROUP.fieldServices, GROUP.desktopSupport] },
  { login: 'SROSSI', first: 'Sofia', last: 'Rossi', groups: [GROUP.applicationSupport] },
  { login: 'NFELDMAN', first: 'Noah', last: 'Feldman', groups: [GROUP.networkOperations] },
  { login: 'AKHAN', first: 'Aisha', last: 'Khan', groups: [GROUP.helpDesk] },
  { login: 'BCARTER', first: 'Ben', last: 'Carter', groups: [GROUP.desktopSupport] },
  { login: 'HSCHMIDT', first: 'Hannah', last: 'Schmidt', groups: [GROUP.applicationSupport, GROUP.helpDesk] },
  { login: 'KWATANABE', first: 'Kenji', last: 'Watanabe', groups: [GROUP.networkOperations] },
  { login: 'OMARTIN', first: 'Olivia', last: 'Martin', groups: [GROUP.helpDesk] },
  {
    login: 'RPATEL',
    first: 'Ravi',
    last: 'Patel',
    groups: [GROUP.systemAdministration, GROUP.networkOperations],
  },
  { login: 'CDUBOIS', first: 'Chloe', last: 'Dubois', groups: [GROUP.fieldServices] },
  { login: 'YDEMIR', first: 'Yusuf', last: 'Demir', groups: [GROUP.desktopSupport] },
  { login: 'MCOHEN', first: 'Maya', last: 'Cohen', groups: [GROUP.applicationSupport] },
  { login: 'LSILVA', first: 'Lucas', last: 'Silva', groups: [GROUP.helpDesk] },
  { login: 'EJOHANSSON', first: 'Emma', last: 'Johansson', groups: [GROUP.helpDesk, GROUP.fieldServices] },
];

function buildTechnicians(): Technician[] {
  return techSpecs.map((spec, i) => {
    const seq = 1001 + i;
    const limited: readonly Permission[] =
      i % 9 === 7 ? allPermissions.filter((p) => p !== 'Delete Ticket') : allPermissions;
    return {
      seq,
      login: spec.login,
      firstName: spec.first,
      lastName: spec.last,
      phone: `(555) 201-${String(4000 + i * 7).padStart(4, '0')}`,
      extension: String(4100 + i),
      email: `${spec.first}.${spec.last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@contoso.com',
      alternatePhone: `(555) 301-${String(5000 + i * 13).padStart(4, '0')}`,
      windowsLogin: spec.windows ?? `CONTOSO\\${spec.login.toLowerCase()}`,
      password: 'welcome',
      groups: spec.groups,
      permissions: spec.perms ?? limited,
      allGroups: spec.allGroups ?? false,
    };
  });
}

const firstNames = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'William',
  'Elizabeth',
  'David',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Carlos',
  'Karen',
  'Wei',
  'Mei',
  'Hiroshi',
  'Yuki',
  'Ahmed',
  'Layla',
  'Omar',
  'Zara',
  'Raj',
  'Ananya',
  'Olga',
  'Dmitri',
  'Ingrid',
  'Lars',
  'Chiara',
  'Matteo',
  'Amara',
  'Kwame',
  'Lucía',
  'Mateo',
  'Siobhan',
  'Declan',
  'Nadia',
  'Tariq',
  'Éloïse',
  'Zoë',
  'Björn',
  'Renée',
  'José',
  'François',
];
const lastNames = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Nguyen',
  'Kim',
  'Tanaka',
  'Sato',
  'Haddad',
  'Rahman',
  'Singh',
  'Kowalski',
  'Novak',
  'Petrov',
  'Müller',
  'Schneider',
  'Fischer',
  'Andersson',
  'Nilsson',
  'Bianchi',
  'Mensah',
  'Adeyemi',
  'Fernández',
  'Costa',
  "O'Connor",
  'Murphy',
  'Walsh',
  'Dubois',
  'Lefèvre',
  'Van der Berg',
  'Da Silva',
  'Ng',
  'Yilmaz',
  'Kaya',
];
const titles = [
  'Accountant',
  'Accounts Payable Clerk',
  'HR Generalist',
  'Recruiter',
  'Sales Representative',
  'Account Executive',
  'Marketing Coordinator',
  'Software Engineer',
  'QA Analyst',
  'Operations Manager',
  'Warehouse Associate',
  'Paralegal',
  'Customer Service Agent',
  'Team Lead',
  'Executive Assistant',
  'Chief Financial Officer',
  'Office Manager',
  'Data Analyst',
  'Product Manager',
  'Intern',
];

function buildRequestors(rng: Rng, count: number): Requestor[] {
  const out: Requestor[] = [];
  const usedIds = new Set<string>();
  // Right-to-left names on purpose: real directories have them (issue 2, hostile text).
  const fixed: [string, string][] = [
    ['Dana', 'Whitaker'],
    ['محمد', 'العلي'],
    ['נועה', 'לוי'],
  ];
  for (let i = 0; i < count; i++) {
    const [first, last] = fixed[i] ?? [rng.pick(firstNames), rng.pick(lastNames)];
    const ascii = (text: string): string =>
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z]/g, '');
    let base = `${ascii(first).slice(0, 1)}${ascii(last)}` || `user${i + 1}`;
    if (base.length < 2) base = `user${i + 1}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}${n}`;
    usedIds.add(id);
    const location = locations[rng.int(0, locations.length - 1)]!;
    out.push({
      seq: i + 1,
      requestorId: id,
      firstName: first,
      lastName: last,
      phone: `(555) ${String(rng.int(200, 899))}-${String(rng.int(0, 9999)).padStart(4, '0')}`,
      extension: rng.chance(0.6) ? String(rng.int(1000, 7999)) : '',
      title: rng.pick(titles),
      email: `${id}@contoso.com`,
      locationSeq: location.seq,
      departmentSeq: rng.int(1, departments.length),
    });
  }
  return out;
}

interface TemplateRow {
  sequence: number;
  fk?: number;
  fkValue?: number;
  datatype?: string;
  field: string;
  value: string;
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<TemplateData><RowData><sequence/><datatype/><fkcolumn/><fkvalue/><fieldname/><value/></RowData>...` as on the doc page. */
export function templateXml(rows: readonly TemplateRow[]): string {
  const body = rows
    .map(
      (r) =>
        ` <RowData>\r\n  <sequence>${r.sequence}</sequence>\r\n  <datatype>${r.datatype ?? 'nvarchar'}</datatype>\r\n` +
        `  <fkcolumn>${r.fk ?? ''}</fkcolumn>\r\n  <fkvalue>${r.fkValue ?? ''}</fkvalue>\r\n` +
        `  <fieldname>${xmlText(r.field)}</fieldname>\r\n  <value>${xmlText(r.value)}</value>\r\n </RowData>\r\n`,
    )
    .join('');
  return `<TemplateData>\r\n${body}</TemplateData>`;
}

// Row `sequence` values deliberately differ from ticket field sequences (protocol-notes §5 #18).
const status = (value: string, fkValue: number): TemplateRow => ({
  sequence: 81,
  fk: 80,
  fkValue,
  field: 'Status',
  value,
});
const priority = (value: string, fkValue: number): TemplateRow => ({
  sequence: 114,
  fk: 113,
  fkValue,
  field: 'Priority',
  value,
});
const text = (sequence: number, field: string, value: string): TemplateRow => ({ sequence, field, value });

function buildTemplates(anchorMicros: number): Template[] {
  const day = 86_400_000_000;
  const t = (
    seq: number,
    name: string,
    description: string,
    data: string,
    extra: Partial<Pick<Template, 'selfService' | 'active' | 'groups'>> = {},
  ): Template => ({
    seq,
    name,
    description,
    data,
    selfService: extra.selfService ?? false,
    active: extra.active ?? true,
    groups: extra.groups ?? null,
    lastModified: formatMicros(anchorMicros - (400 - seq * 17) * day),
  });
  return [
    t(
      1,
      'Password Reset',
      'Reset a forgotten or expired password',
      templateXml([
        status('Open', 1),
        priority('3 - Medium', 3),
        text(72, 'Category', 'Accounts & Access\\Password Reset'),
        text(22, 'Ticket Summary', 'Password reset request'),
        text(127, 'Ticket Source', 'Phone'),
      ]),
      { selfService: true },
    ),
    t(
      2,
      'Printer Problem',
      'Printer not printing, jammed or out of toner',
      templateXml([
        status('Open', 1),
        priority('4 - Low', 4),
        text(72, 'Category', 'Hardware\\Printer'),
        text(22, 'Ticket Summary', 'Printer problem'),
        text(
          7,
          'Additional Information',
          'Printer name/asset tag:\r\nError shown on the panel:\r\nFloor and room:',
        ),
      ]),
      { selfService: true },
    ),
    t(
      3,
      'New Hire',
      'New Hire Creation',
      templateXml([
        status('Open', 1),
        priority('3 - Medium', 3),
        text(72, 'Category', 'Accounts & Access\\New Account'),
        text(22, 'Ticket Summary', 'New hire: accounts, laptop and phone'),
        text(34, 'Assigned To Group', 'HELP DESK'),
        text(
          7,
          'Additional Information',
          'Start date:\r\nManager:\r\nDepartment:\r\n- Create AD account and mailbox\r\n- Add to department groups\r\n- Image laptop & order phone',
        ),
        text(127, 'Ticket Source', 'Web'),
      ]),
    ),
    t(
      4,
      'Employee Departure',
      'Disable accounts and collect equipment',
      templateXml([
        status('Open', 1),
        priority('2 - High', 2),
        text(72, 'Category', 'Accounts & Access\\Permissions'),
        text(22, 'Ticket Summary', 'Employee departure: disable access'),
        text(7, 'Additional Information', 'Last day:\r\nForward mail to:\r\nEquipment to collect:'),
      ]),
    ),
    t(
      5,
      'Software Request',
      'Request installation of licensed software',
      templateXml([
        status('Open', 1),
        priority('4 - Low', 4),
        text(72, 'Category', 'Applications\\Office Suite'),
        text(22, 'Ticket Summary', 'Software installation request'),
        text(116, 'Building', 'Building A'),
      ]),
      { selfService: true },
    ),
    t(
      6,
      'Hardware Request',
      'Order a new laptop, monitor or peripheral',
      templateXml([
        status('Open', 1),
        priority('5 - Planning', 5),
        text(72, 'Category', 'Hardware\\Peripherals'),
        text(22, 'Ticket Summary', 'Hardware request'),
        text(85, 'Asset Tag', 'CT-'),
      ]),
    ),
    t(
      7,
      'VPN Access',
      'Grant remote access over VPN',
      templateXml([
        status('Open', 1),
        priority('3 - Medium', 3),
        text(72, 'Category', 'Network\\VPN'),
        text(22, 'Ticket Summary', 'VPN access request'),
        text(34, 'Assigned To Group', 'NETWORK OPERATIONS'),
      ]),
    ),
    t(
      8,
      'Field Visit',
      'On-site visit by Field Services',
      templateXml([
        status('Open', 1),
        priority('3 - Medium', 3),
        text(72, 'Category', 'Hardware\\Desktop'),
        text(22, 'Ticket Summary', 'On-site visit'),
        text(34, 'Assigned To Group', 'FIELD SERVICES'),
      ]),
      { groups: [GROUP.fieldServices] },
    ),
    // Damaged data on purpose: a client must survive a template it cannot parse.
    t(
      9,
      'Legacy Import',
      'Imported from the old help desk (damaged)',
      '<TemplateData>\r\n <RowData>\r\n  <sequence>81</sequence>\r\n  <fieldname>Status</fieldname>\r\n  <value>Open</value>\r\n </RowData>\r\n <RowData>\r\n  <fieldname>Priority<fieldname>\r\n  <value>2 - High</value>\r\n</TemplateData',
    ),
    // A DOCTYPE with an external and a nested entity (XXE and "billion laughs"): a safe parser must not expand them.
    t(
      10,
      'Imported Checklist',
      'Imported checklist template',
      '<?xml version="1.0" encoding="utf-8"?>\r\n<!DOCTYPE TemplateData [\r\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\r\n  <!ENTITY lol "lol">\r\n  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\r\n]>\r\n' +
        '<TemplateData>\r\n <RowData>\r\n  <sequence>22</sequence>\r\n  <datatype>nvarchar</datatype>\r\n  <fkcolumn></fkcolumn>\r\n  <fkvalue></fkvalue>\r\n  <fieldname>Ticket Summary</fieldname>\r\n  <value>&xxe;</value>\r\n </RowData>\r\n' +
        ' <RowData>\r\n  <sequence>7</sequence>\r\n  <datatype>ntext</datatype>\r\n  <fkcolumn></fkcolumn>\r\n  <fkvalue></fkvalue>\r\n  <fieldname>Additional Information</fieldname>\r\n  <value>&lol2;</value>\r\n </RowData>\r\n</TemplateData>',
    ),
    t(
      11,
      'Fax Line Setup',
      'Retired: fax lines are no longer offered',
      templateXml([status('Open', 1), text(22, 'Ticket Summary', 'Fax line setup')]),
      { active: false },
    ),
  ];
}

export function buildReference(rng: Rng, anchorMicros: number): Reference {
  return {
    groups,
    technicians: buildTechnicians(),
    requestors: buildRequestors(rng, 320),
    locations,
    departments,
    categories: buildCategories(),
    statuses,
    priorities,
    noteTypes,
    activityCodes,
    slas,
    templates: buildTemplates(anchorMicros),
  };
}
