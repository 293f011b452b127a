// Direct WebApi calls for test set-up only (finding data to open); the journeys themselves go through the UI.
import type { Technician } from './fixtures.ts';

async function accessToken(origin: string, technician: Technician): Promise<string> {
  const response = await fetch(`${origin}/TrackIt/WebApi/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      username: `${technician.group}\\${technician.login}`,
      password: technician.password,
    }),
  });
  if (!response.ok) throw new Error(`token request answered ${response.status}`);
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error('token response has no access_token');
  return body.access_token;
}

/** The first `count` ticket ids after `after` that the technician may open (ids have gaps in the seed). */
export async function visibleTicketIds(
  origin: string,
  technician: Technician,
  count: number,
  after = 101,
): Promise<number[]> {
  const token = await accessToken(origin, technician);
  const ids: number[] = [];
  for (let id = after + 1; ids.length < count && id < after + 200; id += 1) {
    const response = await fetch(`${origin}/TrackIt/WebApi/tickets/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.ok) ids.push(id);
  }
  if (ids.length < count) throw new Error(`found only ${ids.length} tickets after ${after}`);
  return ids;
}
