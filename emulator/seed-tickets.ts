// Tickets over the two years before the database was made, with notes, attachments and assignments. Ticket 101
// is hand-made: the doc page's examples and the tests lean on it (interfaces.md, "Seed facts").
import type { Category, Reference, Requestor, Status, Technician, Values } from './model.ts';
import { Vocabulary, fullName } from './model.ts';
import {
  put,
  setCategory,
  setClosedBy,
  setGroup,
  setOpenedBy,
  setPriority,
  setRequestor,
  setRespondedBy,
  setSla,
  setStatusFields,
  setTechnician,
} from './linked.ts';
import type { Rng } from './rng.ts';
import { GROUP } from './seed-reference.ts';
import { formatMicros } from './time.ts';

export interface SeedSink {
  ticket(id: number, groupSeq: number, values: Values): void;
  note(id: number, ticketId: number, isSystem: boolean, values: Values): void;
  attachment(id: number, ticketId: number, values: Values): void;
  assignment(id: number, ticketId: number, values: Values): void;
}

export interface SeedCounters {
  nextTicketId: number;
  nextNoteId: number;
  nextAttachmentId: number;
  nextAssignmentId: number;
}

const MINUTE = 60_000_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  jsLink: 'javascript:alert(1)',
  longWord: `C:\\Users\\jsmith\\AppData\\Local\\Temp\\${'x7Fq9'.repeat(60)}.tmp`,
  arabic: 'المستخدم لا يستطيع الوصول إلى البريد الإلكتروني منذ الصباح',
  hebrew: 'המשתמש לא מצליח להתחבר ל-VPN מהבית',
  emoji: 'Fixed it 🎉👍🏽 finally! 🙌 Printer is happy again 🖨️✅',
} as const;

const summaries: Record<string, readonly string[]> = {
  Email: [
    'Outlook keeps asking for password',
    'Cannot send e-mail with large attachment',
    'Shared mailbox not showing in Outlook',
    'Out of office reply not working',
  ],
  'Office Suite': [
    'Excel crashes when opening macro workbook',
    'Word templates missing after update',
    'PowerPoint will not present on second screen',
  ],
  ERP: ['Cannot post invoices in ERP', 'ERP month-end report times out', 'Purchase order approval stuck'],
  CRM: ['CRM sync with Outlook failing', 'Cannot see new leads in CRM', 'CRM dashboard shows wrong totals'],
  'Web Browser': [
    'Intranet site shows certificate warning',
    'Browser homepage changed by itself',
    'Cannot download files in Chrome',
  ],
  'Line of Business': [
    'Timesheet app shows error 500',
    'Expense tool rejects receipts',
    'Warehouse scanner app freezes',
  ],
  Desktop: ['PC will not power on', 'Computer very slow after update', 'Blue screen on startup'],
  Laptop: [
    'Laptop battery drains in an hour',
    'Laptop keyboard keys sticking',
    'Docking station not detecting monitors',
  ],
  Printer: [
    'Printer on 3rd floor jams on every job',
    'Cannot print to HR printer',
    'Printer says toner low but cartridge is new',
  ],
  Monitor: ['Second monitor flickering', 'Need a larger monitor', 'Monitor shows no signal'],
  'Mobile Device': [
    'Company phone not syncing mail',
    'Lost mobile phone - please wipe',
    'Tablet cannot join Wi-Fi',
  ],
  Peripherals: ['Headset microphone not working in Teams', 'Wireless mouse lagging', 'Need a new keyboard'],
  Connectivity: [
    'No network in conference room B',
    'Internet very slow in the afternoon',
    'Network port dead at desk 4-112',
  ],
  VPN: ['VPN disconnects every 10 minutes', 'Cannot connect to VPN from hotel', 'VPN access for contractor'],
  Wireless: ['Guest Wi-Fi password request', 'Wi-Fi drops in the warehouse', 'Cannot join corporate Wi-Fi'],
  'File Shares': [
    'Cannot access the finance share',
    'Mapped drive missing after login',
    'Restore deleted folder on S: drive',
  ],
  'Password Reset': ['Password expired, cannot log in', 'Forgot password', 'Reset ERP password'],
  'New Account': [
    'New hire starting Monday',
    'Create account for temporary staff',
    'New account for summer intern',
  ],
  Permissions: [
    'Need access to the marketing SharePoint',
    'Remove access for departed employee',
    'Add user to approvers group',
  ],
  'Account Lockout': [
    'Account locked out again',
    'Locked out after password change',
    'Service account keeps locking',
  ],
  'Information Requests': [
    'How do I set up e-mail on my phone?',
    'Which laptop models can I order?',
    'Request for software license count',
  ],
  Phones: ['Desk phone shows no service', 'Voicemail PIN reset', 'Need call forwarding set up'],
  'Audio Visual': [
    'Projector in boardroom not working',
    'Video conference has no sound',
    'Book AV support for town hall',
  ],
  'Badge Access': [
    'Badge does not open server room',
    'New badge for visitor',
    'Badge reader at back door offline',
  ],
  Phishing: [
    'Suspicious e-mail asking for password',
    'Clicked a link in a phishing e-mail',
    'Fake invoice from supplier',
  ],
  Malware: ['Antivirus alert on laptop', 'Browser pop-ups everywhere', 'Ransomware warning on file server'],
};

const userNoteBank = [
  'Called the user and walked through the steps; issue reproduced.',
  'Remoted in and cleared the cached credentials. Asked user to restart.',
  'Reinstalled the driver from the vendor site. Test page printed fine.',
  'Waiting on vendor response, case #{n}.',
  'User confirmed everything works now. Closing.',
  'Checked the event log: repeated error 0x{hex} from the service.',
  'Replaced the cable at the desk; link light is back.',
  'Escalating to network team, looks like a switch port problem.',
  'Ordered replacement part, ETA {d} business days.',
  'Updated firmware to the latest version and rebooted.',
  'User was not at desk, left a voicemail.',
  'Applied the group policy fix and forced a gpupdate.',
  "Restored the folder from last night's backup.",
  'Reset the password and unlocked the account; user must change it at next logon.',
  'Could not reproduce. Asked the user to send a screenshot next time.',
  'Visited on site, reseated the RAM and ran diagnostics: all tests passed.',
  'Documented the workaround in the knowledge base.',
  'Per manager approval, granted read access to the share.',
];

const requestorNoteBank = [
  'Still happening this morning, please help.',
  'Thanks, that fixed it!',
  'I will be out of the office until Thursday, please contact my assistant.',
  'Attached a screenshot of the error.',
  'Any update on this? It is blocking month-end.',
];

const attachmentNames = [
  'screenshot.png',
  'error-log.txt',
  'printer-config.pdf',
  'network-trace.pcap',
  'invoice-scan.jpg',
  'quote-vendor.pdf',
  'setup-notes.docx',
  'Serengeti_National_Park_070.jpg',
];

const attachmentUrls = [
  'https://support.contoso.com/kb/1042',
  'https://status.office.com',
  'www.sangreti.com',
  'https://vendor.example.com/cases/88121',
  '\\\\fileserver\\it\\drivers\\printers',
];

const assignmentSummaries = [
  'Deliver and set up replacement hardware',
  'Configure switch port and test',
  'Install software on workstation',
  'Collect equipment from departing employee',
  'Run cable to new desk',
  'Update firmware on access points',
  'Check vendor warranty and order part',
];

function longNote(rng: Rng): string {
  const lines: string[] = [
    'From: Dana Whitaker <dwhitaker@contoso.com>',
    'Sent: Monday 9:14 AM',
    'To: Help Desk <helpdesk@contoso.com>',
    'Subject: RE: RE: FW: Outlook keeps asking for my password',
    '',
    'Hi team,',
    '',
    'Here is the full log you asked for. I copied it out of the event viewer:',
    '',
  ];
  for (let i = 0; lines.join('\r\n').length < 6200; i++) {
    lines.push(
      `${String(8 + (i % 10)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')}  Outlook  Warning  ` +
        `Event ${2000 + rng.int(0, 99)}: The connection to Microsoft Exchange is unavailable. Outlook must be online or connected to complete this action. (0x8004011D)`,
    );
  }
  lines.push(
    '',
    'Thanks,',
    'Dana',
    '',
    '-----Original Message-----',
    '> Could you send the log from this morning?',
  );
  return lines.join('\r\n');
}

function fill(template: string, rng: Rng): string {
  return template
    .replace('{n}', String(rng.int(100000, 999999)))
    .replace('{hex}', rng.int(0x1000, 0xffff).toString(16).toUpperCase())
    .replace('{d}', String(rng.int(2, 7)));
}

interface Ctx {
  rng: Rng;
  vocab: Vocabulary;
  sink: SeedSink;
  counters: SeedCounters;
}

interface NoteInput {
  at: number;
  tech: Technician;
  groupSeq: number;
  text: string;
  noteType: string;
  activity?: string;
  systemActivity?: string;
  durationSeconds?: number;
  isPrivate?: boolean;
  email?: string;
  requestor?: Requestor;
}

/** Writes one note and returns its duration, so the ticket can add it into Total Time Spent. */
function addNote(ctx: Ctx, ticketId: number, input: NoteInput): number {
  const id = ctx.counters.nextNoteId++;
  const at = formatMicros(input.at);
  const values: Values = {};
  const system = input.systemActivity !== undefined;
  put(values, 1, id);
  put(values, 2, at);
  put(values, 3, input.tech.login);
  put(values, 4, input.groupSeq);
  put(values, 5, input.text);
  put(values, 6, ticketId);
  put(values, 7, at);
  put(values, 8, input.tech.seq);
  const duration = input.durationSeconds ?? 0;
  put(values, 10, duration);
  if (input.activity) {
    const code = ctx.vocab.activityByName.get(input.activity.toLowerCase());
    if (code) {
      put(values, 11, code.seq);
      put(values, 15, code.name);
      put(values, 30, code.description);
    }
  }
  put(values, 13, true);
  put(values, 14, input.systemActivity);
  put(values, 16, fullName(input.tech));
  put(values, 17, false);
  put(values, 24, input.email);
  put(values, 26, input.noteType);
  put(values, 27, input.isPrivate ?? false);
  if (input.requestor) {
    put(values, 28, input.requestor.seq);
    put(values, 29, fullName(input.requestor));
  }
  put(values, 31, duration > 0);
  ctx.sink.note(id, ticketId, system, values);
  return duration;
}

function statusNote(from: Status, to: Status): string {
  return `Status changed from ${from.name} to ${to.name}.`;
}

interface TicketPlan {
  id: number;
  groupSeq: number;
  category: Category;
  summary: string;
  requestor: Requestor;
  opener: Technician;
  assignee: Technician | null;
  openAt: number;
  finalStatus: Status;
  priorityName: string;
  anchor: number;
}

function buildTicket(ctx: Ctx, plan: TicketPlan): void {
  const { rng, vocab } = ctx;
  const values: Values = {};
  const group = vocab.groupBySeq.get(plan.groupSeq)!;
  const priority = vocab.priorityByName.get(plan.priorityName.toLowerCase())!;
  const requestor = plan.requestor;
  put(values, 1, plan.id);
  setGroup(values, group);
  setRequestor(
    values,
    requestor,
    vocab.locationBySeq.get(requestor.locationSeq) ?? null,
    vocab.departmentBySeq.get(requestor.departmentSeq) ?? null,
  );
  setTechnician(values, plan.assignee);
  setCategory(values, plan.category);
  put(values, 12, formatMicros(plan.openAt));
  setOpenedBy(values, plan.opener, group);
  put(values, 20, rng.int(1, 3));
  put(values, 22, plan.summary);
  if (rng.chance(0.3)) put(values, 7, fill(rng.pick(userNoteBank), rng));
  if (rng.chance(0.15)) put(values, 19, requestor.phone);
  setPriority(values, priority);
  const sla = requestor.departmentSeq === 10 ? 2 : plan.groupSeq === GROUP.networkOperations ? 3 : 1;
  setSla(values, vocab.slaBySeq.get(sla) ?? null);
  put(values, 102, false);
  put(values, 109, false);
  put(values, 110, formatMicros(plan.openAt + priority.responseHours * HOUR));
  put(values, 111, formatMicros(plan.openAt + priority.fixHours * HOUR));
  put(values, 100, formatMicros(plan.openAt + priority.fixHours * HOUR));
  put(values, 127, rng.pick(['Phone', 'Email', 'Web', 'Self Service', 'Walk-in', 'Chat']));
  const top = plan.category.fullPath.split('\\')[0];
  if (top === 'Hardware') {
    put(values, 85, `CT-${String(rng.int(1000, 99999)).padStart(6, '0')}`);
    if (rng.chance(0.6)) put(values, 81, formatMicros(plan.openAt + rng.int(-200, 900) * DAY));
  }
  if (rng.chance(0.4)) put(values, 116, rng.pick(['Building A', 'Building B', 'Building C', 'Annex']));

  // Timeline: notes fall between opening and the end (closing, or shortly before the seed's "now").
  const closed = plan.finalStatus.type === 'closed';
  const end = Math.min(
    plan.anchor - 5 * MINUTE,
    plan.openAt + (closed ? rng.int(1, 20 * 24) * HOUR : rng.int(1, 200) * HOUR),
  );
  const actor = plan.assignee ?? plan.opener;
  let totalSeconds = 0;
  let last = plan.openAt;
  let lastUser = plan.opener.login;
  const noteCount = rng.int(closed ? 1 : 0, 7);
  const open = vocab.defaultOpenStatus;
  const inProgress = vocab.statusByName.get('in progress')!;
  const times: number[] = [];
  for (let i = 0; i < noteCount + 2; i++)
    times.push(plan.openAt + Math.floor(((i + 1) / (noteCount + 3)) * (end - plan.openAt)));

  let t = 0;
  if (rng.chance(0.7)) {
    addNote(ctx, plan.id, {
      at: plan.openAt + MINUTE,
      tech: plan.opener,
      groupSeq: plan.groupSeq,
      text: `${plan.summary}. ${rng.pick(requestorNoteBank)}`,
      noteType: 'Ticket Description',
      activity: 'Additional Information',
      requestor,
    });
    last = plan.openAt + MINUTE;
  }
  if (plan.finalStatus.seq !== open.seq) {
    const at = times[t++]!;
    addNote(ctx, plan.id, {
      at,
      tech: actor,
      groupSeq: plan.groupSeq,
      text: statusNote(open, inProgress),
      noteType: 'System Note',
      systemActivity: 'Status Changed',
    });
    setRespondedBy(values, actor, formatMicros(at));
    last = at;
    lastUser = actor.login;
  }
  for (let i = 0; i < noteCount; i++) {
    const at = times[t++]!;
    const fromRequestor = rng.chance(0.15);
    const hostile = rng.chance(0.01);
    const veryLong = rng.chance(0.005);
    const text = veryLong
      ? longNote(rng)
      : hostile
        ? rng.pick(Object.values(HOSTILE))
        : fromRequestor
          ? rng.pick(requestorNoteBank)
          : fill(rng.pick(userNoteBank), rng);
    totalSeconds += addNote(ctx, plan.id, {
      at,
      tech: actor,
      groupSeq: plan.groupSeq,
      text,
      noteType: fromRequestor
        ? 'Email'
        : closed && i === noteCount - 1
          ? 'Ticket Resolution'
          : 'Technician Note',
      activity: fromRequestor
        ? 'Additional Information'
        : rng.pick([
            'Note By Technician',
            'Research',
            'Contacted User',
            'Install',
            'Remote Session',
            'Completed Work',
          ]),
      durationSeconds: fromRequestor ? 0 : rng.pick([0, 300, 600, 900, 1800, 2700, 3600]),
      isPrivate: !fromRequestor && rng.chance(0.2),
      email: fromRequestor ? requestor.email : undefined,
    });
    last = at;
    lastUser = actor.login;
  }
  const final = plan.finalStatus;
  if (final.seq !== open.seq && final.seq !== inProgress.seq) {
    const at = times[t++]!;
    addNote(ctx, plan.id, {
      at,
      tech: actor,
      groupSeq: plan.groupSeq,
      text: closed ? `Ticket closed with status ${final.name}.` : statusNote(inProgress, final),
      noteType: 'System Note',
      systemActivity: closed ? 'Ticket Closed' : 'Status Changed',
    });
    last = at;
    lastUser = actor.login;
    if (closed) setClosedBy(values, actor, group, formatMicros(at));
    if (final.type === 'stop-the-clock') put(values, 103, formatMicros(at));
  }
  setStatusFields(values, final);
  if (closed) put(values, 109, noteCount <= 1);
  put(values, 163, totalSeconds);
  put(values, 175, formatMicros(last));
  put(values, 2, formatMicros(last));
  put(values, 3, lastUser);

  if (rng.chance(0.25)) {
    const n = rng.int(1, 2);
    for (let i = 0; i < n; i++)
      addAttachment(ctx, plan.id, actor, plan.openAt + rng.int(1, 60) * MINUTE, rng.chance(0.75));
  }
  if (rng.chance(0.12)) {
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i++) addAssignment(ctx, plan, values, i, closed);
  }
  ctx.sink.ticket(plan.id, plan.groupSeq, values);
}

function addAttachment(
  ctx: Ctx,
  ticketId: number,
  tech: Technician,
  at: number,
  file: boolean,
  forced?: string,
): void {
  const id = ctx.counters.nextAttachmentId++;
  const values: Values = {};
  put(values, 1, id);
  put(values, 2, formatMicros(at));
  put(values, 3, tech.login);
  if (file) {
    put(values, 6, ctx.rng.int(2_000, 4_000_000));
    put(values, 7, forced ?? ctx.rng.pick(attachmentNames));
  } else {
    const url = forced ?? ctx.rng.pick(attachmentUrls);
    put(values, 7, url);
    put(values, 14, url);
  }
  ctx.sink.attachment(id, ticketId, values);
}

function addAssignment(ctx: Ctx, plan: TicketPlan, ticket: Values, index: number, closed: boolean): void {
  const { rng, vocab } = ctx;
  const id = ctx.counters.nextAssignmentId++;
  const groupSeq =
    index === 0
      ? plan.groupSeq
      : rng.pick([GROUP.fieldServices, GROUP.networkOperations, GROUP.desktopSupport]);
  const group = vocab.groupBySeq.get(groupSeq)!;
  const techs = vocab.ref.technicians.filter((t) => t.groups.includes(groupSeq) && !t.allGroups);
  const tech = rng.pick(techs.length > 0 ? techs : vocab.ref.technicians);
  const openAt = plan.openAt + (index + 1) * rng.int(10, 300) * MINUTE;
  const done = closed || rng.chance(0.4);
  const values: Values = {};
  put(values, 1, id);
  put(values, 2, formatMicros(openAt + (done ? 2 * DAY : HOUR)));
  put(values, 3, tech.login);
  put(values, 4, groupSeq);
  put(values, 6, plan.id);
  put(values, 12, formatMicros(openAt));
  if (done) put(values, 18, formatMicros(openAt + 2 * DAY));
  put(values, 22, rng.pick(assignmentSummaries));
  put(values, 34, group.name);
  put(values, 67, tech.login);
  put(values, 96, done ? 'Closed' : 'Open');
  put(values, 100, formatMicros(openAt + 3 * DAY));
  put(values, 107, String(ticket[107] ?? '3 - Medium'));
  put(values, 157, fullName(tech));
  ctx.sink.assignment(id, plan.id, values);
}

function techsOf(vocab: Vocabulary, groupSeq: number): Technician[] {
  return vocab.ref.technicians.filter(
    (t) => t.groups.includes(groupSeq) && !t.allGroups && t.permissions.includes('Edit Ticket'),
  );
}

function ticket101(ctx: Ctx, anchor: number, openAt: number): void {
  const { vocab } = ctx;
  const id = 101;
  const tech1 = vocab.techByLogin.get('tech1')!;
  const field1 = vocab.techByLogin.get('field1')!;
  const requestor = vocab.requestorBySeq.get(1)!;
  const group = vocab.groupBySeq.get(GROUP.helpDesk)!;
  const values: Values = {};
  put(values, 1, id);
  setGroup(values, group);
  setRequestor(
    values,
    requestor,
    vocab.locationBySeq.get(requestor.locationSeq) ?? null,
    vocab.departmentBySeq.get(requestor.departmentSeq) ?? null,
  );
  setTechnician(values, tech1);
  setCategory(values, vocab.categoryByPath.get('applications\\email')!);
  put(values, 12, formatMicros(openAt));
  setOpenedBy(values, tech1, group);
  put(values, 7, 'Started after the mailbox migration weekend. Affects Outlook desktop only; webmail works.');
  put(values, 19, requestor.phone);
  put(values, 20, 4);
  put(values, 22, 'Outlook keeps asking for password after mailbox migration');
  setPriority(values, vocab.priorityByName.get('2 - high')!);
  setSla(values, vocab.slaBySeq.get(1)!);
  put(values, 85, 'CT-004512');
  put(values, 81, formatMicros(anchor + 180 * DAY));
  put(values, 116, 'Building A');
  put(values, 102, false);
  put(values, 109, false);
  put(values, 110, formatMicros(openAt + 2 * HOUR));
  put(values, 111, formatMicros(openAt + 8 * HOUR));
  put(values, 100, formatMicros(openAt + 8 * HOUR));
  put(values, 127, 'Phone');

  const open = vocab.defaultOpenStatus;
  const inProgress = vocab.statusByName.get('in progress')!;
  const paused = vocab.statusByName.get('paused')!;
  const waiting = vocab.statusByName.get('waiting on requestor')!;
  const base = { tech: tech1, groupSeq: GROUP.helpDesk };
  const step = Math.floor((anchor - DAY - openAt) / 40);
  let at = openAt;
  let total = 0;
  const next = (): number => (at += step);
  const notes: Omit<NoteInput, 'at' | 'tech' | 'groupSeq'>[] = [
    {
      text: 'User reports Outlook prompts for credentials every few minutes since the migration. Webmail is fine.',
      noteType: 'Ticket Description',
      activity: 'Additional Information',
      requestor,
    },
    { text: statusNote(open, inProgress), noteType: 'System Note', systemActivity: 'Status Changed' },
    {
      text: 'Called Dana, reproduced the prompt. Credential Manager has two stale entries.',
      noteType: 'Technician Note',
      activity: 'Contacted User',
      durationSeconds: 900,
    },
    {
      text: 'Private: user admitted to sharing the password with an assistant. Flagged to security.',
      noteType: 'Technician Note',
      activity: 'Research',
      isPrivate: true,
      durationSeconds: 300,
    },
    {
      text: longNote(ctx.rng),
      noteType: 'Email',
      activity: 'Additional Information',
      email: requestor.email,
      requestor,
    },
    {
      text: `Pasted from the user's e-mail: ${HOSTILE.script} (the signature block contains this)`,
      noteType: 'Email',
      activity: 'Additional Information',
      email: requestor.email,
    },
    {
      text: `Screenshot markup came through as ${HOSTILE.img}`,
      noteType: 'Technician Note',
      activity: 'Research',
    },
    {
      text: `Vendor told the user to click <a href="${HOSTILE.jsLink}">reset my profile</a> - do NOT do this. Link text: ${HOSTILE.jsLink}`,
      noteType: 'Technician Note',
      activity: 'Research',
      isPrivate: true,
    },
    {
      text: `Temp file named ${HOSTILE.longWord} keeps growing.`,
      noteType: 'Technician Note',
      activity: 'Research',
      durationSeconds: 600,
    },
    { text: HOSTILE.arabic, noteType: 'Email', activity: 'Additional Information', email: requestor.email },
    { text: HOSTILE.hebrew, noteType: 'Technician Note', activity: 'Contacted User' },
    { text: HOSTILE.emoji, noteType: 'Technician Note', activity: 'Completed Work', durationSeconds: 1200 },
    { text: statusNote(inProgress, waiting), noteType: 'System Note', systemActivity: 'Status Changed' },
    {
      text: 'Asked Dana to try again from home tonight.',
      noteType: 'Technician Note',
      activity: 'Contacted User',
      durationSeconds: 300,
    },
    {
      text: 'Line one\r\nLine two\r\n\tIndented line three\r\n\r\nLast line after a blank one.',
      noteType: 'Technician Note',
      activity: 'Note By Technician',
    },
    { text: statusNote(waiting, inProgress), noteType: 'System Note', systemActivity: 'Status Changed' },
    {
      text: 'Handing the desk-side visit to Field Services.',
      noteType: 'Technician Note',
      activity: 'Note By Technician',
    },
  ];
  for (let i = 0; notes.length < 30; i++) {
    notes.push({
      text: fill(userNoteBank[i % userNoteBank.length]!, ctx.rng),
      noteType: 'Technician Note',
      activity: ['Research', 'Remote Session', 'Note By Technician', 'Install'][i % 4]!,
      durationSeconds: [0, 300, 600, 900][i % 4]!,
      isPrivate: i % 5 === 0,
    });
  }
  notes.push(
    { text: statusNote(inProgress, paused), noteType: 'System Note', systemActivity: 'Status Changed' },
    {
      text: 'Waiting for the Exchange patch window on Saturday.',
      noteType: 'Technician Note',
      activity: 'Vendor Escalation',
      durationSeconds: 600,
    },
    { text: statusNote(paused, inProgress), noteType: 'System Note', systemActivity: 'Status Changed' },
    {
      text: 'Patch applied. Monitoring for a week before closing.',
      noteType: 'Technician Note',
      activity: 'Upgrade',
      durationSeconds: 1800,
    },
  );
  let lastAt = openAt;
  for (const note of notes) {
    const when = next();
    total += addNote(ctx, id, { ...base, ...note, at: when });
    lastAt = when;
  }
  setRespondedBy(values, tech1, formatMicros(openAt + step));
  setStatusFields(values, inProgress);
  put(values, 163, total);
  put(values, 175, formatMicros(lastAt));
  put(values, 2, formatMicros(lastAt));
  put(values, 3, tech1.login);

  addAttachment(ctx, id, tech1, openAt + HOUR, true, 'outlook-credential-prompt.png');
  addAttachment(
    ctx,
    id,
    tech1,
    openAt + 2 * HOUR,
    false,
    'https://support.microsoft.com/outlook-password-prompts',
  );
  addAttachment(ctx, id, tech1, openAt + 3 * HOUR, true, 'migration-log.txt');
  addAttachment(ctx, id, tech1, openAt + 4 * HOUR, false, HOSTILE.jsLink);

  const assignment = (
    n: number,
    tech: Technician,
    groupSeq: number,
    summary: string,
    done: boolean,
  ): void => {
    const aid = ctx.counters.nextAssignmentId++;
    const v: Values = {};
    const a = openAt + n * DAY;
    put(v, 1, aid);
    put(v, 2, formatMicros(a + HOUR));
    put(v, 3, tech.login);
    put(v, 4, groupSeq);
    put(v, 6, id);
    put(v, 12, formatMicros(a));
    if (done) put(v, 18, formatMicros(a + HOUR));
    put(v, 22, summary);
    put(v, 34, vocab.groupBySeq.get(groupSeq)!.name);
    put(v, 67, tech.login);
    put(v, 96, done ? 'Closed' : 'Open');
    put(v, 100, formatMicros(a + 3 * DAY));
    put(v, 107, '2 - High');
    put(v, 157, fullName(tech));
    ctx.sink.assignment(aid, id, v);
  };
  assignment(1, tech1, GROUP.helpDesk, 'Clear cached credentials and rebuild Outlook profile', true);
  assignment(3, field1, GROUP.fieldServices, 'Desk-side visit: check the docking station and NIC', false);
  ctx.sink.ticket(id, GROUP.helpDesk, values);
}

/** Creates `count` live tickets (ids from 101, with a few gaps where tickets were deleted). */
export function seedTickets(
  ref: Reference,
  rng: Rng,
  count: number,
  anchor: number,
  sink: SeedSink,
): SeedCounters {
  const vocab = new Vocabulary(ref);
  const counters: SeedCounters = {
    nextTicketId: 101,
    nextNoteId: 1001,
    nextAttachmentId: 1001,
    nextAssignmentId: 1001,
  };
  const ctx: Ctx = { rng, vocab, sink, counters };
  const span = 730 * DAY;
  const start = anchor - span;
  const leaves = ref.categories.filter(
    (c) =>
      c.fullPath.includes('\\') || ref.categories.every((o) => !o.fullPath.startsWith(`${c.fullPath}\\`)),
  );
  const groupWeights: [number, number][] = [
    [GROUP.helpDesk, 45],
    [GROUP.fieldServices, 15],
    [GROUP.desktopSupport, 15],
    [GROUP.applicationSupport, 12],
    [GROUP.networkOperations, 10],
    [GROUP.systemAdministration, 3],
  ];
  const groupTopics = new Map<number, readonly string[]>([
    [
      GROUP.helpDesk,
      ['Accounts & Access', 'Applications\\Email', 'Information Requests', 'Security\\Phishing'],
    ],
    [GROUP.fieldServices, ['Hardware', 'Facilities']],
    [
      GROUP.desktopSupport,
      ['Hardware\\Desktop', 'Hardware\\Laptop', 'Hardware\\Monitor', 'Applications\\Office Suite'],
    ],
    [GROUP.applicationSupport, ['Applications']],
    [GROUP.networkOperations, ['Network']],
    [GROUP.systemAdministration, ['Security', 'Network\\File Shares']],
  ]);
  const byGroup = new Map<number, Technician[]>(groupWeights.map(([g]) => [g, techsOf(vocab, g)]));
  const closedWeights: [string, number][] = [
    ['closed', 70],
    ['completed', 20],
    ['cancelled', 7],
    ['dismissed - no notes', 3],
  ];
  const openWeights: [string, number][] = [
    ['open', 30],
    ['in progress', 35],
    ['escalated', 10],
    ['waiting on requestor', 15],
    ['paused', 10],
  ];
  let made = 0;
  let id = 101;
  while (made < count) {
    const openAt =
      start + Math.floor((made / Math.max(count, 1)) * (span - 2 * HOUR)) + rng.int(0, 3 * 60) * MINUTE;
    if (id === 101) {
      ticket101(ctx, anchor, openAt);
    } else {
      // A few ids are missing (always 106): those tickets were deleted; the real server never reuses an identity value.
      if (id === 106 || (id > 102 && rng.chance(0.03))) {
        id++;
        continue;
      }
      const groupSeq = id === 102 ? GROUP.fieldServices : rng.weighted(groupWeights);
      const techs = byGroup.get(groupSeq) ?? [];
      // Each group mostly gets its own kind of work; one ticket in five is anything (misrouted, general).
      const tops = groupTopics.get(groupSeq) ?? [];
      const own = leaves.filter((c) => tops.some((t) => c.fullPath === t || c.fullPath.startsWith(`${t}\\`)));
      const category = own.length > 0 && rng.chance(0.8) ? rng.pick(own) : rng.pick(leaves);
      const age = anchor - openAt;
      const closedType = age > 21 * DAY ? rng.chance(0.92) : rng.chance(0.5);
      const finalStatus = vocab.statusByName.get(rng.weighted(closedType ? closedWeights : openWeights))!;
      let summary = rng.pick(summaries[category.name] ?? ['Question about ' + category.name]);
      if (rng.chance(0.015)) {
        summary = `${summary} ${rng.pick([HOSTILE.script, HOSTILE.img, HOSTILE.jsLink, HOSTILE.arabic, HOSTILE.hebrew, '😩🔥', HOSTILE.longWord])}`;
      }
      const assignee = techs.length > 0 && (closedType || rng.chance(0.9)) ? rng.pick(techs) : null;
      buildTicket(ctx, {
        id,
        groupSeq,
        category,
        summary,
        requestor: rng.pick(ref.requestors),
        opener: rng.pick(byGroup.get(GROUP.helpDesk) ?? ref.technicians),
        assignee,
        openAt,
        finalStatus,
        priorityName: rng.weighted([
          ['1 - Critical', 5],
          ['2 - High', 20],
          ['3 - Medium', 50],
          ['4 - Low', 20],
          ['5 - Planning', 5],
        ]),
        anchor,
      });
    }
    made++;
    id++;
  }
  counters.nextTicketId = id;
  return counters;
}
