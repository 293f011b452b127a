// Realistic IndexedTicket records for the index benches: the shapes and value spread of the emulator's seed.
import type { IndexedTicket } from '../src/features/ticket-index/indexed-ticket.ts';

const statuses: [string, 'open' | 'closed' | 'stop-the-clock'][] = [
  ['Open', 'open'],
  ['In Progress', 'open'],
  ['Escalated', 'open'],
  ['Waiting on Requestor', 'stop-the-clock'],
  ['Closed', 'closed'],
  ['Completed', 'closed'],
  ['Cancelled', 'closed'],
];
const priorities = ['1 - Critical', '2 - High', '3 - Medium', '4 - Low', '5 - Planning'];
const groups = [
  'HELP DESK',
  'FIELD SERVICES',
  'DESKTOP SUPPORT',
  'APPLICATION SUPPORT',
  'NETWORK OPERATIONS',
];
const technicians = ['TECH1', 'TECH2', 'TECH3', 'FIELD1', 'DESK1', 'APPS1', 'NET1'];
const categories = [
  'Hardware\\Printers',
  'Hardware\\Laptops',
  'Applications\\Email',
  'Network\\VPN',
  'Accounts',
];
const words = [
  'Outlook',
  'printer',
  'jammed',
  'VPN',
  'drops',
  'every',
  'hour',
  'password',
  'reset',
  'new',
  'laptop',
];

export function benchTickets(count: number, start = Date.UTC(2024, 10, 28)): IndexedTicket[] {
  const tickets: IndexedTicket[] = [];
  for (let i = 0; i < count; i++) {
    const id = 101 + i;
    const [status, statusType] = statuses[(i * 7) % statuses.length]!;
    const openedAt = start + i * 6_000_000;
    const tech = technicians[i % technicians.length]!;
    tickets.push({
      id,
      summary: Array.from({ length: 6 }, (_, w) => words[(i + w * 3) % words.length]).join(' '),
      status,
      statusType,
      priority: priorities[i % priorities.length]!,
      assigneeLogin: i % 11 === 0 ? null : tech,
      assigneeName: i % 11 === 0 ? null : `${tech[0]}. Rivera`,
      group: groups[i % groups.length]!,
      category: categories[i % categories.length]!,
      requestorName: `Requestor ${i % 300}`,
      openedAt,
      dueAt: openedAt + 8 * 3_600_000,
      closedAt: statusType === 'closed' ? openedAt + 86_400_000 : null,
      lastModifiedAt: openedAt + 90_000_000,
      lastModifiedRaw: new Date(openedAt + 90_000_000).toISOString().replace('Z', '0000Z'),
      latestNoteAt: openedAt + 80_000_000,
      clockStoppedAt: statusType === 'stop-the-clock' ? openedAt + 3_600_000 : null,
      inactive: false,
      fetchedAt: Date.now(),
      source: 'ticket',
    });
  }
  return tickets;
}
