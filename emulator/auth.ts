// The OWIN-style token endpoint (decisions.md §Token, protocol-notes §1) and bearer-token checks.
import { randomBytes } from 'node:crypto';
import type { Group, Technician } from './model.ts';
import type { Actor } from './operations.ts';
import type { SessionRow, Store } from './store.ts';
import { rfc1123 } from './time.ts';

/** Refresh tokens outlive access tokens by far (protocol-notes §1.2: "long-lived"). */
const REFRESH_TTL_MS = 14 * 24 * 3600 * 1000;

export interface TokenOutcome {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

const invalidGrant = (description = 'The user name or password is incorrect.'): TokenOutcome => ({
  status: 400,
  body: { error: 'invalid_grant', error_description: description },
});

/** An opaque OWIN-like ticket: base64 with `+` and `/`, which clients must not re-encode (protocol-notes §1.3). */
function opaqueToken(bytes: number): string {
  for (;;) {
    const token = randomBytes(bytes).toString('base64');
    if (token.includes('+') && token.includes('/')) return token;
  }
}

/**
 * `GROUP\LOGIN` (group and login are upper-case and case-sensitive, protocol-notes §1.1) or
 * `GROUP\DOMAIN\user` for a Windows login (domain and user compared without case, as Windows does).
 */
function findTechnician(store: Store, username: string): { tech: Technician; group: Group } | null {
  const parts = username.split('\\');
  if (parts.length !== 2 && parts.length !== 3) return null;
  const groupName = parts[0]!;
  const group = store.vocab.ref.groups.find((g) => g.name === groupName);
  if (!group) return null;
  let tech: Technician | undefined;
  if (parts.length === 2) {
    tech = store.vocab.ref.technicians.find((t) => t.login === parts[1]);
  } else {
    tech = store.vocab.techByWindowsLogin.get(`${parts[1]}\\${parts[2]}`.toLowerCase());
  }
  if (!tech || !tech.groups.includes(group.seq)) return null;
  return { tech, group };
}

function issue(store: Store, tech: Technician, group: Group, ttlSeconds: number): TokenOutcome {
  const issuedMs = Math.floor(Date.now() / 1000) * 1000;
  const expiresMs = issuedMs + ttlSeconds * 1000;
  const accessToken = opaqueToken(168);
  const refreshToken = opaqueToken(48);
  store.createSession({
    accessToken,
    refreshToken,
    techSeq: tech.seq,
    groupSeq: group.seq,
    issuedMs,
    expiresMs,
    refreshExpiresMs: issuedMs + REFRESH_TTL_MS,
  });
  return {
    status: 200,
    body: {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ttlSeconds,
      refresh_token: refreshToken,
      username: tech.login,
      usergroupname: group.name,
      'First Name': tech.firstName,
      'Last Name': tech.lastName,
      'EMail Address': tech.email,
      Phone: tech.phone,
      Extension: tech.extension,
      'Alternate Phone': tech.alternatePhone,
      '.issued': rfc1123(issuedMs),
      '.expires': rfc1123(expiresMs),
    },
  };
}

/** POST /token with a form body (grant_type=password | refresh_token). */
export function tokenRequest(store: Store, form: URLSearchParams, ttlSeconds: number): TokenOutcome {
  const grant = form.get('grant_type');
  if (grant === 'password') {
    const username = form.get('username') ?? '';
    const password = form.get('password') ?? '';
    const found = findTechnician(store, username);
    if (!found || found.tech.password !== password) return invalidGrant();
    return issue(store, found.tech, found.group, ttlSeconds);
  }
  if (grant === 'refresh_token') {
    const token = form.get('refresh_token') ?? '';
    const session = token === '' ? undefined : store.sessionByRefresh(token);
    if (!session || session.refreshExpiresMs <= Date.now() || session.revoked) {
      return invalidGrant('The refresh token is invalid or has expired.');
    }
    const tech = store.vocab.techBySeq.get(session.techSeq);
    const group = store.vocab.groupBySeq.get(session.groupSeq);
    if (!tech || !group) return invalidGrant('The refresh token is invalid or has expired.');
    // A refresh token is used once: the answer carries a new one (OWIN's usual refresh provider).
    store.useRefreshToken(token);
    return issue(store, tech, group, ttlSeconds);
  }
  return { status: 400, body: { error: 'unsupported_grant_type' } };
}

export interface Authenticated {
  readonly actor: Actor;
  readonly session: SessionRow;
}

/** `Authorization: Bearer <token>`, nothing else (protocol-notes §5 #10). */
export function authenticate(store: Store, header: string | undefined): Authenticated | null {
  if (!header) return null;
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return null;
  const session = store.session(match[1]!);
  if (!session || session.revoked || session.expiresMs <= Date.now()) return null;
  const tech = store.vocab.techBySeq.get(session.techSeq);
  const group = store.vocab.groupBySeq.get(session.groupSeq);
  if (!tech || !group) return null;
  return { actor: { tech, group }, session };
}
