// Tickets for the detail-paint bench (issue 3: "a ticket with every field set and 30 notes"), written into an
// emulator database file before the emulator process starts on it.
// - Every editable field goes through the WebApi as a client would send it: POST /tickets with the doc page's
//   editable fields (a linked field by one key, which fills the fields hanging off it), then 30 AddNote calls.
// - The fields no request can set (closer, responder, escalation, purchase order, asset audit, charges) are then
//   written straight into the store, as a long-lived ticket on a real server would carry them. The emulator has
//   no control-plane call for that, and the bench needs none: it owns the database file until the process starts.
import { createApp } from '../emulator/app.ts';
import { ticketFields } from '../emulator/catalog.ts';
import { setClosedBy, setRespondedBy } from '../emulator/linked.ts';
import { fullName, type Values } from '../emulator/model.ts';
import { openStore } from '../emulator/store.ts';
import { formatMicros } from '../emulator/time.ts';

export const NOTES_PER_TICKET = 30;
/** Every sequence of the doc page's GET /tickets/{id} table. */
export const FIELDS_PER_TICKET = ticketFields.length;

const API = 'http://bench.local/TrackIt/WebApi';
const HOUR_MICROS = 3_600_000_000;
const DAY_MICROS = 24 * HOUR_MICROS;

/** Seqs a linked key below fills (emulator/linked.ts); sending them as text as well would contradict the link. */
const FILLED_BY_LINK: Readonly<Record<string, readonly number[]>> = {
  'Seq_Group (4)': [34],
  'Seq_Requestor (8)': [36, 37, 38, 39, 40, 43, 114, 149],
  'Seq_Assigned To (10)': [67, 68, 69, 70, 71, 157],
  'Seq_Category (11)': [72],
  'Seq_Location (14)': [49],
  'Seq_Department (15)': [65],
  'Seq_SLA (75)': [91, 92],
  'Seq_Status (95)': [96, 97],
  'Seq_Priority (106)': [107],
};
const FILLED_BY_LINKS = new Set(Object.values(FILLED_BY_LINK).flat());

const LONG_LINE =
  'The user says the problem comes back after every reboot, and that it started after the last round of Windows updates. ';

function noteText(ticketIndex: number, n: number): string {
  switch (n % 5) {
    case 0:
      return `Called the requestor about ticket ${ticketIndex + 1}; they will try again after lunch.`;
    case 1:
      return 'Checked the event log:\r\n\tError 0x80070005 at 09:14\r\n\tWarning 1014 at 09:15\r\n\r\nNothing else stands out.';
    case 2:
      // Longer than config.json's noteMaxContentLength (1,500): the server cuts it and the timeline offers the rest.
      return LONG_LINE.repeat(14);
    case 3:
      return `${LONG_LINE.repeat(3)}Next step: remote session.`;
    default:
      return 'Done.';
  }
}

/** The value the bench writes for a plain (unlinked) editable field, by seq and type. */
function plainValue(seq: number, type: string, ticketIndex: number, now: number): unknown {
  const text: Record<number, string> = {
    7: 'Affects the whole second floor since Monday.\nWorkaround: print from the copier in the hall.',
    19: '(555) 010-4477',
    22: `Bench ticket ${ticketIndex + 1}: printer on the second floor drops every job after the first page`,
    28: 'dana.alt@example.com',
    85: `CT-${String(4000 + ticketIndex).padStart(6, '0')}`,
    86: 'Lexmark MX622',
    87: 'Second floor, east wing',
    88: 'Lease ends 2027',
    89: 'Vendor case 88231',
    90: 'Follow-up booked',
    116: 'Building A',
    117: 'Floor 2',
    118: 'Room 214',
    119: 'Desk 12',
    120: 'Cost centre 4410',
    121: 'Project Phoenix',
    122: 'Contract 2026-17',
    123: 'Tier 2',
    127: 'Phone',
    145: 'Printer problem',
    159: 'Reinstall the printer driver from the vendor package',
    167: `BCM-${7000 + ticketIndex}`,
    168: `PRN-2F-${String(ticketIndex + 1).padStart(2, '0')}`,
    172: 'Replace the second-floor print server',
    179: `PO-2026-${String(310 + ticketIndex).padStart(4, '0')}`,
    185: 'facilities@example.com; lead@example.com',
    186: 'audit@example.com',
  };
  const ints: Record<number, number> = {
    20: 3,
    83: 42,
    136: 2,
    141: 5100 + ticketIndex,
    142: 480,
    158: 2200 + ticketIndex,
    165: 9100 + ticketIndex,
    166: 6100 + ticketIndex,
    178: 310 + ticketIndex,
  };
  switch (type) {
    case 'text':
      return text[seq] ?? `Value of field ${seq}`;
    case 'int':
      return ints[seq] ?? seq;
    case 'decimal':
      return 1234.5;
    case 'bool':
      return seq === 109;
    case 'date':
      return formatMicros(now + ((seq % 7) + 1) * DAY_MICROS);
    default:
      throw new Error(`no bench value for field ${seq} of type ${type}`);
  }
}

interface ApiAnswer {
  status: number;
  body: unknown;
}

/**
 * Makes `count` tickets with every field set and NOTES_PER_TICKET notes in the database file `path` (created and
 * seeded with `seedTickets` tickets), and answers their ids. The store is closed before it returns.
 */
export async function writeDetailFixtures(
  path: string,
  count: number,
  seedTickets: number,
): Promise<number[]> {
  const store = openStore({ path, seedTickets });
  try {
    const app = createApp(store, { control: false, latencyMs: 0 });
    const call = async (method: string, route: string, body: unknown, token?: string): Promise<ApiAnswer> => {
      const form = typeof body === 'string';
      const response = await app.request(`${API}${route}`, {
        method,
        headers: {
          'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: form ? body : JSON.stringify(body),
      });
      const answer = { status: response.status, body: (await response.json()) as unknown };
      if (response.status !== 200)
        throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(answer.body)}`);
      return answer;
    };
    const signIn = await call(
      'POST',
      '/token',
      new URLSearchParams({
        grant_type: 'password',
        username: 'HELP DESK\\TECH1',
        password: 'welcome',
      }).toString(),
    );
    const token = (signIn.body as { access_token: string }).access_token;

    const v = store.vocab;
    const ref = v.ref;
    const helpDesk = v.groupByName.get('help desk')!;
    const techs = ref.technicians.filter((t) => t.groups.includes(helpDesk.seq));
    // Requestors with every detail (some have no extension): an empty string is not a field set.
    const requestors = ref.requestors.filter((r) => Object.values(r).every((value) => value !== ''));
    const noteTypes = ref.noteTypes.filter((t) => !t.system);
    const activities = ref.activityCodes.filter((a) => a.forTickets);
    const now = store.clock.now();
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const tech = techs[i % techs.length]!;
      const requestor = requestors[i % requestors.length]!;
      const leaf = ref.categories.filter((c) => c.fullPath.includes('\\'))[i % 7]!;
      // One key per link, by sequence id (protocol-notes §5 #12: keys by display name or seq), then every plain field.
      const properties: Record<string, unknown> = {
        '4': helpDesk.seq,
        '8': requestor.seq,
        '10': tech.seq,
        '11': leaf.seq,
        '14': ref.locations[i % ref.locations.length]!.seq,
        '15': ref.departments[i % ref.departments.length]!.seq,
        '75': ref.slas[i % ref.slas.length]!.seq,
        '95': v.statusByName.get('in progress')!.seq,
        '106': ref.priorities[i % ref.priorities.length]!.seq,
      };
      for (const field of ticketFields) {
        if (!field.editable || FILLED_BY_LINKS.has(field.seq) || String(field.seq) in properties) continue;
        properties[field.displayName] = plainValue(field.seq, field.type, i, now);
      }
      const created = await call('POST', '/tickets', { Properties: properties }, token);
      const id = ticketId(created.body);
      for (let n = 0; n < NOTES_PER_TICKET; n++) {
        await call(
          'POST',
          `/tickets/${id}/AddNote`,
          {
            'Note Type': noteTypes[n % noteTypes.length]!.name,
            'Activity Code': activities[n % activities.length]!.name,
            Note: noteText(i, n),
            Private: n % 6 === 0,
            Duration: n % 3 === 0 ? '00:15:00' : '00:00:00',
          },
          token,
        );
      }
      fillServerOnlyFields(store, id, i, now);
      ids.push(id);
    }
    return ids;
  } finally {
    store.close();
  }
}

function ticketId(body: unknown): number {
  // Either envelope shape (decisions.md): `{"Ticket": {record}}` or `{"Tickets": [{record}]}`.
  const wrapped = Object.values(body as Record<string, unknown>)[0];
  const record = (Array.isArray(wrapped) ? wrapped[0] : wrapped) as
    Record<string, { Value?: unknown }> | undefined;
  const id = record?.['1']?.Value;
  if (typeof id !== 'number') throw new Error(`POST /tickets answered no ticket id: ${JSON.stringify(body)}`);
  return id;
}

function fillServerOnlyFields(store: ReturnType<typeof openStore>, id: number, i: number, now: number): void {
  const row = store.getTicket(id);
  if (!row) throw new Error(`ticket ${id} vanished`);
  const values: Values = { ...row.values };
  const v = store.vocab;
  const techs = v.ref.technicians;
  const responder = techs[(i + 1) % techs.length]!;
  const closer = techs[(i + 2) % techs.length]!;
  const escalateTo = techs[(i + 3) % techs.length]!;
  const at = (hours: number): string => formatMicros(now - 10 * DAY_MICROS + hours * HOUR_MICROS);
  setRespondedBy(values, responder, at(1));
  // A ticket closed once and reopened on a real server still shows who closed it last (the bench wants every field).
  setClosedBy(values, closer, v.groupBySeq.get(closer.groups[0]!) ?? null, at(30));
  values[103] = at(40); // Clock Stop Time
  values[108] = 5400; // Duration
  values[148] = 85; // Hourly Rate
  values[156] = 127.5; // Charge
  values[160] = escalateTo.seq;
  values[161] = fullName(escalateTo);
  values[162] = escalateTo.email;
  values[171] = escalateTo.login;
  values[169] = at(-24 * 90); // Audit Date
  values[170] = `SN-${String(880_000 + i)}`;
  values[174] = 'Approved';
  values[176] = 'Open';
  values[180] = at(2); // Date Ordered
  values[181] = at(24 * 7); // Date Required
  values[182] = at(24 * 9); // Date Closed
  values[183] = 412.8; // Total Cost
  values[184] = 'Received';
  const missing = ticketFields
    .filter((f) => values[f.seq] === undefined || values[f.seq] === '')
    .map((f) => f.seq);
  if (missing.length > 0) throw new Error(`bench ticket ${id} lacks fields ${missing.join(', ')}`);
  store.putTicket(id, row.groupSeq, values);
}
