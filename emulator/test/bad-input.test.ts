// The bad-input corpus: whatever a client sends, the answer is a 4xx with a message (never a 500) and the store
// is unchanged, which is checked before and after every request, not assumed.
import { describe, expect } from 'vitest';
import type { CallOptions, Client } from './support/client.ts';
import { createClient } from './support/client.ts';
import {
  docCloseBodyAsPrinted,
  docHeaderForm,
  docUpdateBodyAsPrinted,
  raw,
  userNote,
} from './support/fixtures.ts';
import { messageOf } from './support/records.ts';
import { apiSnapshot } from './support/snapshot.ts';
import { storeDigest } from './support/store-digest.ts';
import { useTarget, writeTest } from './support/suite.ts';
import { demoUsers } from './support/target.ts';

interface BadRequest {
  name: string;
  method?: string;
  /** `{id}` is replaced by the target's ticket. */
  path: string;
  body?: CallOptions['body'];
  headers?: Record<string, string>;
  /** 'valid' (default), 'none', or a function of the valid token giving the Authorization header. */
  auth?: 'valid' | 'none' | ((token: string) => string);
  status?: number;
}

const json = (text: string) => raw(text);
const form = (text: string) => raw(text, 'application/x-www-form-urlencoded');
const megabyte = 1024 * 1024;
const hugeText = 'x'.repeat(megabyte + 4096);
const validUpdate = { Properties: { 'Ticket Summary': 'should never be stored' } };
const validNote = userNote('should never be stored', '00:10:00');

const malformedJson: BadRequest[] = [
  '{',
  '{"Properties": {"Ticket Summary": "x"}',
  "{'Properties': {'Ticket Summary': 'x'}}",
  '{"Properties": {"Ticket Summary": "x",}}',
  '{"Properties": {"Ticket Summary": "x"}}{"Properties": {}}',
  'NaN',
  'Properties=Ticket Summary',
  '\u0000\u0001\u0002',
].flatMap((text, i) => [
  { name: `malformed JSON #${i + 1} to update`, path: '/tickets/{id}', body: json(text), status: 400 },
  {
    name: `malformed JSON #${i + 1} to AddNote`,
    path: '/tickets/{id}/AddNote',
    body: json(text),
    status: 400,
  },
]);

const docLabels: BadRequest[] = [
  {
    name: 'the update example with its "updateInput:" label (§5 #11)',
    path: '/tickets/{id}',
    body: json(docUpdateBodyAsPrinted),
    status: 400,
  },
  {
    name: 'the Close example with its "closeInput:" label (§5 #11)',
    path: '/tickets/{id}/Close',
    body: json(docCloseBodyAsPrinted),
    status: 400,
  },
  {
    name: 'malformed JSON to ChangeStatus',
    path: '/tickets/{id}/ChangeStatus',
    body: json('{"StatusName": "Closed"'),
    status: 400,
  },
  { name: 'malformed JSON to Close', path: '/tickets/{id}/Close', body: json('{"Note": {'), status: 400 },
  {
    name: 'malformed JSON to create',
    path: '/tickets',
    body: json('{"Properties": {"Ticket Summary": "x"'),
    status: 400,
  },
];

const wrongTypes: BadRequest[] = [
  { name: 'an update body that is an array', path: '/tickets/{id}', body: [] },
  { name: 'an update body that is null', path: '/tickets/{id}', body: json('null') },
  { name: 'an update body that is a string', path: '/tickets/{id}', body: 'Category=Applications' },
  { name: 'an update body that is a number', path: '/tickets/{id}', body: 42 },
  { name: 'Properties as an array', path: '/tickets/{id}', body: { Properties: [['Ticket Summary', 'x']] } },
  { name: 'Properties as a string', path: '/tickets/{id}', body: { Properties: 'Ticket Summary=x' } },
  { name: 'an update without Properties', path: '/tickets/{id}', body: { OptionalParams: { Param1: {} } } },
  {
    name: 'a field value that is an object',
    path: '/tickets/{id}',
    body: { Properties: { 'Ticket Summary': { text: 'x' } } },
  },
  {
    name: 'a field value that is an array',
    path: '/tickets/{id}',
    body: { Properties: { 'Ticket Summary': ['x'] } },
  },
  {
    name: 'text for an integer field',
    path: '/tickets/{id}',
    body: { Properties: { 'Custom Integer 1': 'eleven' } },
  },
  {
    name: 'a non-date for a date field',
    path: '/tickets/{id}',
    body: { Properties: { 'Warranty Expires': 'next Tuesday-ish' } },
  },
  {
    name: 'a non-boolean for Inactive',
    path: '/tickets/{id}',
    body: { Properties: { Inactive: 'perhaps' } },
  },
  { name: 'a number as Note Type', path: '/tickets/{id}/AddNote', body: { ...validNote, 'Note Type': 5 } },
  {
    name: 'an object as the note text',
    path: '/tickets/{id}/AddNote',
    body: { ...validNote, Note: { text: 'x' } },
  },
  {
    name: 'a Duration in words',
    path: '/tickets/{id}/AddNote',
    body: { ...validNote, Duration: 'ten minutes' },
  },
  {
    name: 'a negative Duration',
    path: '/tickets/{id}/AddNote',
    body: { ...validNote, Duration: '-00:10:00' },
  },
  {
    name: 'minutes past 59 in a Duration',
    path: '/tickets/{id}/AddNote',
    body: { ...validNote, Duration: '00:75:00' },
  },
  {
    name: 'Private that is neither boolean nor "True"/"False"',
    path: '/tickets/{id}/AddNote',
    body: { ...validNote, Private: 'perhaps' },
  },
  { name: 'an AddNote body that is an array', path: '/tickets/{id}/AddNote', body: [validNote] },
  { name: 'StatusName as a number', path: '/tickets/{id}/ChangeStatus', body: { StatusName: 5 } },
  { name: 'StatusName as an array', path: '/tickets/{id}/ChangeStatus', body: { StatusName: ['Escalated'] } },
  { name: 'ChangeStatus without StatusName', path: '/tickets/{id}/ChangeStatus', body: {} },
  { name: 'an empty StatusName', path: '/tickets/{id}/ChangeStatus', body: { StatusName: '' } },
  {
    name: 'a ChangeStatus note that is a string',
    path: '/tickets/{id}/ChangeStatus',
    body: { StatusName: 'Escalated', Note: 'text' },
  },
  { name: 'a Close note that is a string', path: '/tickets/{id}/Close', body: { Note: 'just a string' } },
  {
    name: 'a Close note without Note Type and Activity Code',
    path: '/tickets/{id}/Close',
    body: { Note: { Note: 'x' } },
  },
  { name: 'a Close body that is an array', path: '/tickets/{id}/Close', body: [] },
  { name: 'a create body without Properties', path: '/tickets', body: { OptionalParams: {} } },
  {
    name: 'a create body that is an array',
    path: '/tickets',
    body: [{ Properties: { 'Ticket Summary': 'x' } }],
  },
];

const badFields: BadRequest[] = [
  ['an unknown field', { 'Colour Of Sky': 'blue' }],
  ['an empty field name', { '': 'x' }],
  ['an unknown sequence id', { '9999': 'x' }],
  ['Ticket ID (read-only)', { 'Ticket ID': 5 }],
  ['Last Modified (read-only)', { 'Last Modified': '2019-01-23T11:27:09.7970000Z' }],
  ['Last User (read-only)', { 'Last User': 'MALLORY' }],
  ['Total Time Spent (read-only)', { 'Total Time Spent': 99999 }],
  ['Latest Note Date (read-only)', { 'Latest Note Date': '2019-01-23T11:27:09.7970000Z' }],
  ['Close Date & Time (read-only)', { 'Close Date & Time': '2019-01-23T11:27:09.7970000Z' }],
  ['Opened By Technician (read-only)', { 'Opened By Technician': 'ADMIN' }],
  ['seq 1 (read-only) by sequence id', { '1': 5 }],
  ['seq 163 (read-only) by sequence id', { '163': 5 }],
  ['a valid field beside an unknown one', { 'Ticket Summary': 'half', 'Colour Of Sky': 'blue' }],
  ['a valid field beside a read-only one', { 'Ticket Summary': 'half', 'Ticket ID': 5 }],
  ['an unknown category', { Category: 'Underwater Basket Weaving' }],
  ['an unknown technician', { 'Assigned To Technician': 'NOBODY99' }],
  ['an unknown status', { Status: 'Sleeping' }],
].flatMap(([what, properties]) => [
  {
    name: `update with ${what as string}`,
    path: '/tickets/{id}',
    body: { Properties: properties },
    status: 400,
  },
  { name: `create with ${what as string}`, path: '/tickets', body: { Properties: properties }, status: 400 },
]);

const badValues: BadRequest[] = [
  ['an integer beyond Int32', { 'Custom Integer 1': 2147483648 }],
  ['a fraction for an integer field', { 'Custom Integer 1': 1.5 }],
  ['"NaN" for a numeric field', { 'Custom Numeric 1': 'NaN' }],
  ['30 February for a date field', { 'Warranty Expires': '2019-02-30T00:00:00Z' }],
  ['an unknown Seq_Category', { Seq_Category: 99999 }],
  ['text for Seq_Category', { Seq_Category: 'abc' }],
  ['an unknown Assigned To Group', { 'Assigned To Group': 'NO SUCH GROUP' }],
  ['an unknown Priority', { Priority: '9 - Someday' }],
  ['an unknown Requestor ID', { 'Requestor ID': 'ghost.user' }],
].map(([what, properties]) => ({
  name: `update with ${what as string}`,
  path: '/tickets/{id}',
  body: { Properties: properties },
  status: 400,
}));

const badQueries: BadRequest[] = [
  {
    name: 'SystemNote that is not a boolean',
    method: 'GET',
    path: '/tickets/{id}/Notes/0/0?SystemNote=maybe',
    status: 400,
  },
  {
    name: 'maxContentLength that is not a number',
    method: 'GET',
    path: '/tickets/{id}/Notes/0/0?maxContentLength=abc',
    status: 400,
  },
  { name: 'a page size beyond Int32', method: 'GET', path: '/tickets/{id}/Notes/2147483648/1', status: 400 },
  { name: 'a module id that is not a number', method: 'GET', path: '/module/abc/fields', status: 400 },
  {
    name: 'a search with a negative PageSize',
    path: '/searches',
    body: { Term: 'x', PageSize: -1 },
    status: 400,
  },
  { name: 'a search Term that is a number', path: '/searches', body: { Term: 5 }, status: 400 },
  {
    name: 'search ResultFields that are not an array',
    path: '/searches',
    body: { ResultFields: 'all' },
    status: 400,
  },
  {
    name: 'a search in an unknown module',
    path: '/searches',
    body: { Term: '', ModuleId: 999 },
    status: 400,
  },
  { name: 'a search body that is malformed JSON', path: '/searches', body: json('{"Term": '), status: 400 },
];

const badNotes: BadRequest[] = [
  {
    name: 'a note without Note Type',
    path: '/tickets/{id}/AddNote',
    body: { 'Activity Code': 'Install', Note: 'x' },
    status: 400,
  },
  {
    name: 'a note without Activity Code',
    path: '/tickets/{id}/AddNote',
    body: { 'Note Type': 'Ticket Description', Note: 'x' },
    status: 400,
  },
  {
    name: 'a note with an unknown Note Type',
    path: '/tickets/{id}/AddNote',
    body: { ...validNote, 'Note Type': 'Gossip' },
    status: 400,
  },
  {
    name: 'a note with an unknown Activity Code',
    path: '/tickets/{id}/AddNote',
    body: { ...validNote, 'Activity Code': 'Juggling' },
    status: 400,
  },
  {
    name: 'an unknown status',
    path: '/tickets/{id}/ChangeStatus',
    body: { StatusName: 'Sleeping' },
    status: 400,
  },
  {
    name: 'a status change whose note lacks an Activity Code',
    path: '/tickets/{id}/ChangeStatus',
    body: { StatusName: 'Escalated', Note: { 'Note Type': 'Ticket Description', Note: 'x' } },
    status: 400,
  },
];

const badIds: BadRequest[] = [
  { name: 'a negative ticket id to GET', method: 'GET', path: '/tickets/-1' },
  { name: 'a negative ticket id to Delete', path: '/tickets/-1/Delete' },
  { name: 'ticket id 0 to AddNote', path: '/tickets/0/AddNote', body: validNote },
  { name: 'the largest Int32 to update', path: '/tickets/2147483647', body: validUpdate, status: 404 },
  { name: 'an id beyond Int32 to Delete', path: '/tickets/2147483648/Delete', status: 400 },
  { name: 'a 25-digit id to Close', path: '/tickets/9999999999999999999999999/Close', body: {}, status: 400 },
  { name: 'a negative note id', method: 'GET', path: '/tickets/Note/-5' },
  { name: 'a negative page size', method: 'GET', path: '/tickets/{id}/Notes/-1/0' },
  { name: 'a negative page number', method: 'GET', path: '/tickets/{id}/Attachments/1/-1' },
  { name: 'letters as the id to Delete', path: '/tickets/abc/Delete', status: 400 },
  { name: 'an exponent as the id to Delete', path: '/tickets/1e2/Delete', status: 400 },
  { name: 'a hex id to Delete', path: '/tickets/0x65/Delete', status: 400 },
  { name: 'a decimal id to Delete', path: '/tickets/101.0/Delete', status: 400 },
  { name: 'digits then letters as the id to Delete', path: '/tickets/101abc/Delete', status: 400 },
  {
    name: 'full-width digits as the id to Delete',
    path: `/tickets/${encodeURIComponent('１０１')}/Delete`,
    status: 400,
  },
  { name: 'letters as the id to AddNote', path: '/tickets/abc/AddNote', body: validNote, status: 400 },
  { name: 'letters as the id to update', path: '/tickets/abc', body: validUpdate, status: 400 },
];

const oversized: BadRequest[] = [
  {
    name: 'an update over 1 MB',
    path: '/tickets/{id}',
    body: { Properties: { 'Additional Information': hugeText } },
    status: 413,
  },
  {
    name: 'a note over 1 MB',
    path: '/tickets/{id}/AddNote',
    body: { ...validNote, Note: hugeText },
    status: 413,
  },
  {
    name: 'a create over 1 MB',
    path: '/tickets',
    body: { Properties: { 'Ticket Summary': hugeText } },
    status: 413,
  },
  {
    name: 'a Close over 1 MB',
    path: '/tickets/{id}/Close',
    body: { Note: { ...validNote, Note: hugeText } },
    status: 413,
  },
  {
    name: 'a token request over 1 MB',
    path: '/token',
    body: form(`grant_type=password&username=${hugeText}`),
    auth: 'none',
    status: 413,
  },
];

const wrongMethods: BadRequest[] = [
  ['PUT', '/tickets/{id}'],
  ['PATCH', '/tickets/{id}'],
  ['DELETE', '/tickets/{id}'],
  ['PUT', '/tickets/{id}/AddNote'],
  ['DELETE', '/tickets/{id}/Delete'],
  ['GET', '/tickets/{id}/Delete'],
  ['GET', '/tickets/{id}/Close'],
  ['PUT', '/tickets'],
].map(([method, path]) => ({
  name: `${method} ${path}`,
  method,
  path: path!,
  ...(method === 'GET' ? {} : { body: validUpdate }),
  status: 405,
}));

const badAuth: BadRequest[] = [
  ['no Authorization header', 'none'],
  ['"Bearer" alone', () => 'Bearer'],
  ['"Bearer " and spaces', () => 'Bearer    '],
  ['a made-up bearer token', () => 'Bearer Zm9vYmFy+bm90LWEtdG9rZW4='],
  [
    'the token with one character changed',
    // The second-to-last character is the one replaced, so it is the one compared (a random token has it 'A'
    // one time in 64, and replacing 'A' by 'A' would send the real token).
    (t: string) => `Bearer ${t.slice(0, -2)}${t.at(-2) === 'A' ? 'B' : 'A'}${t.slice(-1)}`,
  ],
  ['the token with text after it', (t: string) => `Bearer ${t} extra`],
  ['the doc form access_token:"…" (§5 #10)', (t: string) => docHeaderForm(t)],
  ['the token without a scheme', (t: string) => t],
  ['Basic credentials', () => `Basic ${Buffer.from('HELP DESK\\TECH1:welcome').toString('base64')}`],
  ['the token twice', (t: string) => `Bearer ${t}, Bearer ${t}`],
].flatMap(([what, auth]) => [
  {
    name: `an update with ${what as string}`,
    path: '/tickets/{id}',
    body: validUpdate,
    auth: auth as BadRequest['auth'],
    status: 401,
  },
  {
    name: `a note with ${what as string}`,
    path: '/tickets/{id}/AddNote',
    body: validNote,
    auth: auth as BadRequest['auth'],
    status: 401,
  },
  {
    name: `a delete with ${what as string}`,
    path: '/tickets/{id}/Delete',
    auth: auth as BadRequest['auth'],
    status: 401,
  },
]);

const wrongContentTypes: BadRequest[] = [
  ['text/plain', JSON.stringify(validUpdate)],
  [
    'application/xml',
    '<UpdateTicketInputDto><Properties><Ticket_x0020_Summary>x</Ticket_x0020_Summary></Properties></UpdateTicketInputDto>',
  ],
  [
    'multipart/form-data; boundary=zzz',
    '--zzz\r\nContent-Disposition: form-data; name="Properties"\r\n\r\nx\r\n--zzz--\r\n',
  ],
  ['application/x-www-form-urlencoded', 'Properties%5BTicket+Summary%5D=x'],
].flatMap(([type, text]) => [
  { name: `an update as ${type}`, path: '/tickets/{id}', body: raw(text!, type!) },
  {
    name: `a note as ${type}`,
    path: '/tickets/{id}/AddNote',
    body: raw(type === 'text/plain' ? JSON.stringify(validNote) : text!, type!),
  },
]);

const tokenMisuse: BadRequest[] = [
  {
    name: 'a token request as JSON',
    path: '/token',
    body: { grant_type: 'password', username: 'HELP DESK\\TECH1', password: 'welcome' },
    auth: 'none',
    status: 400,
  },
  {
    name: 'a token request without a username',
    path: '/token',
    body: form('grant_type=password&password=welcome'),
    auth: 'none',
    status: 400,
  },
  {
    name: 'a token request without a grant type',
    path: '/token',
    body: form('username=HELP%20DESK%5CTECH1&password=welcome'),
    auth: 'none',
    status: 400,
  },
];

const emptyBodies: BadRequest[] = [
  '/tickets/{id}',
  '/tickets/{id}/AddNote',
  '/tickets/{id}/ChangeStatus',
  '/tickets',
  '/token',
].flatMap((path) => [
  {
    name: `an empty JSON body to ${path}`,
    path,
    body: raw(''),
    ...(path === '/token' ? { auth: 'none' as const } : {}),
    status: 400,
  },
  {
    name: `no body at all to ${path}`,
    path,
    ...(path === '/token' ? { auth: 'none' as const } : {}),
    status: 400,
  },
]);

export const badInputCorpus: BadRequest[] = [
  ...malformedJson,
  ...docLabels,
  ...wrongTypes,
  ...badFields,
  ...badValues,
  ...badNotes,
  ...badQueries,
  ...badIds,
  ...oversized,
  ...wrongMethods,
  ...badAuth,
  ...wrongContentTypes,
  ...tokenMisuse,
  ...emptyBodies,
];

function authHeader(request: BadRequest, token: string): CallOptions {
  const auth = request.auth ?? 'valid';
  if (auth === 'valid') return { token };
  if (auth === 'none') return { token: null };
  return { token: null, headers: { Authorization: auth(token) } };
}

describe('the bad-input corpus', () => {
  const suite = useTarget({ seedTickets: 40 });

  async function observe(observer: Client, ids: number[]) {
    const emulator = suite.target.emulator;
    return { api: await apiSnapshot(observer, ids), store: emulator ? storeDigest(emulator.store) : null };
  }
  type Observation = Awaited<ReturnType<typeof observe>>;
  // The corpus runs in order and nothing else writes in between, so a passing test's "after" is the next
  // test's "before"; a failing test clears it and the next one observes afresh.
  let lastObservation: Observation | null = null;

  writeTest('notices a write, so that "unchanged" below means something', async () => {
    const target = suite.target;
    const observer = target.emulator ? await suite.client(demoUsers.admin) : await suite.client();
    const client = await suite.client();
    const before = await observe(observer, [target.ticketId]);
    expect(before.store === null).toBe(target.emulator === null);
    const reply = await client.post(
      `/tickets/${target.ticketId}/AddNote`,
      userNote('a real write', '00:01:00'),
    );
    expect(reply.status).toBe(200);
    const after = await observe(observer, [target.ticketId]);
    expect(after.api.tickets[target.ticketId]).not.toBe(before.api.tickets[target.ticketId]);
    if (target.emulator) expect(after.store).not.toBe(before.store);
  });

  for (const request of badInputCorpus) {
    const method = request.method ?? 'POST';
    writeTest(
      `answers ${method} ${request.path} with ${request.name} by a 4xx and a message, and stores nothing`,
      async () => {
        const target = suite.target;
        const observer = target.emulator ? await suite.client(demoUsers.admin) : await suite.client();
        const token = await target.signIn();
        const client = createClient(target, token);
        const path = request.path.replace('{id}', String(target.ticketId));
        const auth = authHeader(request, token);
        const before = lastObservation ?? (await observe(observer, [target.ticketId]));
        lastObservation = null;
        const reply = await client.call(method, path, {
          ...(request.body === undefined ? {} : { body: request.body }),
          ...auth,
          headers: { ...request.headers, ...auth.headers },
        });
        expect(reply.status, `${reply.status} ${reply.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(reply.status, `${reply.status} ${reply.text.slice(0, 300)}`).toBeLessThan(500);
        if (request.status !== undefined) expect(reply.status, reply.text.slice(0, 300)).toBe(request.status);
        expect(messageOf(reply), `a message in ${reply.text.slice(0, 300)}`).not.toBe('');
        const after = await observe(observer, [target.ticketId]);
        expect(after).toEqual(before);
        lastObservation = after;
      },
    );
  }
});
