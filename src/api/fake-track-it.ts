import { createFakeFetch, jsonResponse, type FakeFetch, type RecordedCall } from './fake-fetch.ts';

// Test support (unit tests only): a tiny scripted Track-It! with OWIN-style tokens, enough to exercise the
// session and the client (sign-in, refresh grant, 401s, logout) without the emulator.

export interface FakeTrackIt extends FakeFetch {
  /** Every access token stops working, as when they expire on the server. */
  expireAccessTokens(): void;
  /** Refresh grants answer 400 invalid_grant. */
  refuseRefresh: boolean;
  expiresIn: number;
  /** Bodies of the AddNote calls that were accepted. */
  addedNotes: unknown[];
  tokenCalls(): RecordedCall[];
  ticketCalls(): RecordedCall[];
}

const USERS: Record<string, { first: string; last: string }> = {
  'HELP DESK\\TECH1': { first: 'Tess', last: 'One' },
  'HELP DESK\\TECH2': { first: 'Theo', last: 'Two' },
};

export function createFakeTrackIt(): FakeTrackIt {
  const access = new Map<string, string>();
  const refresh = new Map<string, string>();
  let serial = 0;
  const addedNotes: unknown[] = [];

  function issue(user: string): Response {
    serial += 1;
    const accessToken = `access-${serial}`;
    const refreshToken = `refresh-${serial}`;
    access.set(accessToken, user);
    refresh.set(refreshToken, user);
    const [group, login] = user.split('\\');
    const person = USERS[user]!;
    return jsonResponse({
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: fake.expiresIn,
      refresh_token: refreshToken,
      username: login,
      usergroupname: group,
      'First Name': person.first,
      'Last Name': person.last,
      'EMail Address': `${login!.toLowerCase()}@example.test`,
    });
  }

  function userOf(call: RecordedCall): string | undefined {
    const header = call.headers.get('authorization') ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    return match ? access.get(match[1]!) : undefined;
  }

  const unauthorized = (): Response =>
    jsonResponse({ Message: 'Authorization has been denied for this request.' }, 401);

  const base = createFakeFetch((call) => {
    const path = call.url.pathname.replace(/^\/TrackIt\/WebApi/i, '').toLowerCase();
    if (path === '/token' && call.method === 'POST') {
      const form = new URLSearchParams(call.body);
      if (form.get('grant_type') === 'password') {
        const user = form.get('username') ?? '';
        if (USERS[user] && form.get('password') === 'welcome') return issue(user);
        return jsonResponse(
          { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' },
          400,
        );
      }
      if (form.get('grant_type') === 'refresh_token') {
        const user = refresh.get(form.get('refresh_token') ?? '');
        if (!user || fake.refuseRefresh) return jsonResponse({ error: 'invalid_grant' }, 400);
        return issue(user);
      }
      return jsonResponse({ error: 'unsupported_grant_type' }, 400);
    }
    const user = userOf(call);
    if (!user) return unauthorized();
    if (path === '/technicians/logout') {
      access.delete(/^Bearer (.+)$/.exec(call.headers.get('authorization') ?? '')![1]!);
      return new Response(null, { status: 200 });
    }
    const ticket = /^\/tickets\/(\d+)$/.exec(path);
    if (ticket && call.method === 'GET') {
      return jsonResponse({ Ticket: { '1': { DisplayName: 'Ticket ID', Value: Number(ticket[1]) } } });
    }
    const addNote = /^\/tickets\/(\d+)\/addnote$/.exec(path);
    if (addNote && call.method === 'POST') {
      addedNotes.push(JSON.parse(call.body) as unknown);
      return jsonResponse({
        Ticket: { '1': { DisplayName: 'Ticket ID', Value: Number(addNote[1]) } },
        Note: { '1': { DisplayName: 'Sequence', Value: 5000 + addedNotes.length } },
      });
    }
    return jsonResponse(
      { Message: `No HTTP resource was found that matches the request URI '${call.url.href}'.` },
      404,
    );
  });

  const fake: FakeTrackIt = {
    ...base,
    expireAccessTokens: () => access.clear(),
    refuseRefresh: false,
    expiresIn: 1799,
    addedNotes,
    tokenCalls: () => base.callsTo('/token'),
    ticketCalls: () => base.calls.filter((call) => /\/tickets\//i.test(call.url.pathname)),
  };
  return fake;
}

/** An in-memory Storage that records every write, to assert what the session keeps where. */
export class RecordingStorage implements Storage {
  private readonly items = new Map<string, string>();
  readonly writes: { key: string; value: string }[] = [];

  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.writes.push({ key, value });
    this.items.set(key, value);
  }
  keys(): string[] {
    return [...this.items.keys()];
  }
}
