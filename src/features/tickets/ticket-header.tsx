import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { StatusType } from '../../config/config-schema.ts';
import { formatDateTime } from '../../fields/codecs.ts';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { PriorityBadge, StatusBadge } from './status-badge.tsx';
import { AlertIcon, PinIcon } from '../../ui/icons.tsx';
import type { TicketSummary } from './ticket-summary.ts';
import classes from './tickets.module.css';

export interface TicketHeaderProps {
  ticket: TicketSummary;
  statusType: StatusType | null;
  overdue: boolean;
  pinned: boolean;
  onTogglePin: () => void;
  /** Shown under the facts, e.g. "Refreshing…". */
  extra?: ReactNode;
  /** Action buttons beside Pin (Edit, Add note, ...), composed by the route. */
  actions?: ReactNode;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.fact}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The ticket at a glance: number, summary, status, priority, assignee, requestor and due date. */
export function TicketHeader({
  ticket,
  statusType,
  overdue,
  pinned,
  onTogglePin,
  extra,
  actions,
}: TicketHeaderProps) {
  return (
    <header className={classes.header}>
      {/* The summary keeps a readable width; with many actions they move to a row of their own below it. */}
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 44rem' }}>
          <Text size="sm" c="dimmed" fw={600}>
            Ticket #{ticket.id}
          </Text>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} dir="auto" className={classes.summary}>
            {ticket.summary ?? 'No summary'}
          </Title>
        </Stack>
        <Group gap="xs" style={{ flex: '0 1 auto' }}>
          {actions}
          <Button
            variant={pinned ? 'light' : 'default'}
            size="xs"
            leftSection={<PinIcon size={14} strokeWidth={2.2} />}
            onClick={onTogglePin}
            aria-pressed={pinned}
          >
            {pinned ? 'Unpin' : 'Pin'}
          </Button>
        </Group>
      </Group>
      <dl className={classes.facts}>
        <Fact label="Status">
          {ticket.status ? <StatusBadge status={ticket.status} type={statusType} /> : <EmptyValue />}
        </Fact>
        <Fact label="Priority">
          {ticket.priority ? <PriorityBadge priority={ticket.priority} /> : <EmptyValue />}
        </Fact>
        <Fact label="Assignee">
          {ticket.assignee ?? 'Unassigned'}
          {ticket.assignedGroup ? (
            <Text span size="sm" c="dimmed">
              {' '}
              ({ticket.assignedGroup})
            </Text>
          ) : null}
        </Fact>
        <Fact label="Requestor">{ticket.requestor ?? <EmptyValue />}</Fact>
        <Fact label="Due">
          {ticket.due ? (
            <span className={classes.due} data-overdue={overdue || undefined}>
              <time dateTime={ticket.due.toISOString()}>{formatDateTime(ticket.due)}</time>
              {overdue ? (
                <span className={classes.overdue}>
                  <AlertIcon size={12} strokeWidth={2.2} />
                  Overdue
                </span>
              ) : null}
            </span>
          ) : (
            <EmptyValue label="No due date" />
          )}
        </Fact>
      </dl>
      {extra}
    </header>
  );
}
