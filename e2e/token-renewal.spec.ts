import { test, expect, expectTicketShown, goToTicket, tech1 } from './support/fixtures.ts';
import { visibleTicketIds } from './support/wire.ts';

test('a token that expires mid-session is renewed with one token call and the technician never notices @sub-path', async ({
  page,
  signIn,
  control,
  emulator,
}) => {
  const [otherTicket] = await visibleTicketIds(emulator.origin, tech1, 1);
  await signIn();
  await goToTicket(page, 101);
  await expectTicketShown(page, 101);

  await control.clearLog();
  await control.expireTokens(tech1.login);
  await goToTicket(page, otherTicket!);

  await expectTicketShown(page, otherTicket!);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);

  const log = await control.log();
  const tokenCalls = log.filter((entry) => entry.method === 'POST' && /\/token$/i.test(entry.path));
  expect(tokenCalls, JSON.stringify(log, null, 1)).toHaveLength(1);
  expect(tokenCalls[0]!.status).toBe(200);
  // The requests that met the expired token were retried after the renewal and succeeded.
  const ticketReads = log.filter((entry) => new RegExp(`/tickets/${otherTicket}$`, 'i').test(entry.path));
  expect(ticketReads.map((entry) => entry.status)).toContain(200);
});
