import { Anchor, Card, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { LoadingState } from '../../ui/status-states.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ChartCard, PartsTable, describeParts, type LinkedPart } from './chart-card.tsx';
import { OpenedClosedChart, PartsBarChart } from './dashboard-charts.tsx';
import {
  computeDashboard,
  describeCoverage,
  formatCount,
  isPartialCoverage,
  type DashboardCoverage,
  type DashboardPart,
  type DashboardTarget,
  type DashboardTicket,
  type DayPoint,
} from './dashboard-stats.ts';
import classes from './dashboard.module.css';

export interface DashboardScreenProps {
  /** The local index's tickets (the route hands in `useTicketIndex().tickets`). */
  tickets: readonly DashboardTicket[];
  /** False while the index opens: nothing to count yet. */
  loaded: boolean;
  coverage: DashboardCoverage;
  /** The index's status line, sync progress and Pause button (features/ticket-index, composed by the route). */
  indexStatus: ReactNode;
  /** config.json's statuses and priorities, in order. */
  statusOrder: readonly string[];
  priorityOrder: readonly string[];
  /** `/tickets?...` for a part (the list's URL format lives with the list; the route builds it). */
  hrefFor: (target: DashboardTarget) => string | null;
  /** Technicians named before the rest fold into "Others". */
  topTechnicians?: number;
}

/** The time, once a minute: "due today" and the age brackets move with the clock, not only with the data. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function linked(parts: readonly DashboardPart[], hrefFor: DashboardScreenProps['hrefFor']): LinkedPart[] {
  return parts.map((part) => ({ ...part, href: part.target ? hrefFor(part.target) : null }));
}

function StatCard({
  label,
  value,
  href,
  alert = false,
}: {
  label: string;
  value: number;
  href: string | null;
  alert?: boolean;
}) {
  const body = (
    <>
      <div className={classes.statValue}>{formatCount(value)}</div>
      <div className={classes.statLabel}>{label}</div>
    </>
  );
  return (
    <Card withBorder radius="md" padding="md" className={alert && value > 0 ? classes.alert : undefined}>
      {href !== null ? (
        <Link to={href} className={classes.statLink} aria-label={`${label}: ${formatCount(value)} tickets`}>
          {body}
        </Link>
      ) : (
        body
      )}
    </Card>
  );
}

function DaysTable({
  points,
  hrefOf,
}: {
  points: readonly DayPoint[];
  hrefOf: (series: 'opened' | 'closed', point: DayPoint) => string | null;
}) {
  const cell = (series: 'opened' | 'closed', point: DayPoint) => {
    const count = point[series];
    const href = count > 0 ? hrefOf(series, point) : null;
    return (
      <Table.Td className={classes.count}>
        {href !== null ? (
          <Anchor
            component={Link}
            to={href}
            fz="sm"
            c="var(--dash-link)"
            aria-label={`${formatCount(count)} ${series} on ${point.label}`}
          >
            {formatCount(count)}
          </Anchor>
        ) : (
          formatCount(count)
        )}
      </Table.Td>
    );
  };
  return (
    <details className={classes.days}>
      <summary>The numbers by day</summary>
      <Table className={classes.partsTable} verticalSpacing={2} horizontalSpacing="xs" fz="sm" maw={360}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Day</Table.Th>
            <Table.Th scope="col" className={classes.count}>
              Opened
            </Table.Th>
            <Table.Th scope="col" className={classes.count}>
              Closed
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...points].reverse().map((point) => (
            <Table.Tr key={point.day}>
              <Table.Th scope="row" fw={400}>
                {point.label}
              </Table.Th>
              {cell('opened', point)}
              {cell('closed', point)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}

/**
 * The manager dashboard (issue 5): open work by status, priority, technician and age, overdue and due today,
 * and opened versus closed per day, all computed from this browser's ticket index, with its coverage stated.
 * Every bar, dot and number opens the ticket list filtered to it.
 */
export function DashboardScreen({
  tickets,
  loaded,
  coverage,
  indexStatus,
  statusOrder,
  priorityOrder,
  hrefFor,
  topTechnicians = 8,
}: DashboardScreenProps) {
  const now = useMinute();
  const stats = useMemo(
    () => computeDashboard(tickets, { now, statusOrder, priorityOrder, topTechnicians }),
    [tickets, now, statusOrder, priorityOrder, topTechnicians],
  );

  const header = (
    <PageHeader
      title="Dashboard"
      description={loaded ? describeCoverage(coverage, now) : undefined}
      meta={indexStatus}
    />
  );
  if (!loaded) {
    return (
      <>
        {header}
        <LoadingState label="Opening the ticket index…" />
      </>
    );
  }
  if (coverage.count === 0) {
    return (
      <>
        {header}
        <Text>
          No tickets are indexed yet. The background sync reads them from the server; the dashboard fills in
          as it goes.
        </Text>
      </>
    );
  }

  const byStatus = linked(stats.byStatus, hrefFor);
  const byPriority = linked(stats.byPriority, hrefFor);
  const byTechnician = linked(stats.byTechnician, hrefFor);
  const byAge = linked(stats.byAge, hrefFor);
  const dayHref = (series: 'opened' | 'closed', point: DayPoint) =>
    hrefFor(
      series === 'opened' ? { kind: 'opened-on', day: point.day } : { kind: 'closed-on', day: point.day },
    );
  const openLabel = `${formatCount(stats.openCount)} open ${stats.openCount === 1 ? 'ticket' : 'tickets'}`;

  return (
    <div className={classes.root}>
      {header}
      <Stack gap="lg">
        {isPartialCoverage(coverage) ? (
          <Text size="sm">
            The background sync has not read every ticket yet, so these numbers may still grow.
          </Text>
        ) : null}
        <SimpleGrid
          cols={3}
          spacing={{ base: 'xs', sm: 'md' }}
          component="section"
          aria-label="Open, overdue and due today"
        >
          <StatCard label="Open" value={stats.openCount} href={hrefFor({ kind: 'open' })} />
          <StatCard label="Overdue" value={stats.overdue.count} href={hrefFor({ kind: 'overdue' })} alert />
          <StatCard label="Due today" value={stats.dueToday.count} href={hrefFor({ kind: 'due-today' })} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <ChartCard
            title="Open tickets by status"
            subtitle={openLabel}
            chartLabel={describeParts('Open tickets by status', byStatus)}
            chart={<PartsBarChart parts={byStatus} layout="horizontal" />}
            table={<PartsTable nameHeading="Status" parts={byStatus} empty="No open tickets." />}
          />
          <ChartCard
            title="Open tickets by priority"
            subtitle={openLabel}
            chartLabel={describeParts('Open tickets by priority', byPriority)}
            chart={<PartsBarChart parts={byPriority} layout="horizontal" />}
            table={<PartsTable nameHeading="Priority" parts={byPriority} empty="No open tickets." />}
          />
          <ChartCard
            title="Workload by technician"
            subtitle={`Open tickets per technician, the ${topTechnicians} busiest by name`}
            chartLabel={describeParts('Open tickets by technician', byTechnician)}
            chart={<PartsBarChart parts={byTechnician} layout="horizontal" />}
            table={<PartsTable nameHeading="Technician" parts={byTechnician} empty="No open tickets." />}
          />
          <ChartCard
            title="Open tickets by age"
            subtitle={
              stats.openWithoutOpenDate > 0
                ? `Days since opened; ${formatCount(stats.openWithoutOpenDate)} without an open date are left out`
                : 'Days since opened (calendar days)'
            }
            chartLabel={describeParts('Open tickets by age', byAge)}
            chart={<PartsBarChart parts={byAge} layout="columns" />}
            table={<PartsTable nameHeading="Age" parts={byAge} empty="No open tickets." />}
          />
        </SimpleGrid>
        <ChartCard
          stacked
          title="Opened and closed per day"
          subtitle={`Last ${stats.perDay.length} days: ${formatCount(stats.openedInPeriod)} opened, ${formatCount(stats.closedInPeriod)} closed`}
          chartLabel={`Tickets opened and closed per day over the last ${stats.perDay.length} days: ${formatCount(stats.openedInPeriod)} opened, ${formatCount(stats.closedInPeriod)} closed.`}
          chart={<OpenedClosedChart points={stats.perDay} hrefOf={dayHref} />}
          table={<DaysTable points={stats.perDay} hrefOf={dayHref} />}
        />
      </Stack>
    </div>
  );
}
