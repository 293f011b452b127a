import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount, type DashboardPart } from './dashboard-stats.ts';
import classes from './dashboard.module.css';

/** A part of a chart with where it leads (null: the list cannot show exactly these tickets). */
export interface LinkedPart extends DashboardPart {
  href: string | null;
}

export interface ChartCardProps {
  title: string;
  /** One line under the title, e.g. "182 open tickets". */
  subtitle?: ReactNode;
  /** What the chart shows, in words, for screen readers (the SVG itself is not keyboard-friendly). */
  chartLabel: string;
  chart: ReactNode;
  /** The accessible alternative beside the chart: a small table whose labels are links. */
  table: ReactNode;
  /** Put the table under the chart instead of beside it (a wide chart). */
  stacked?: boolean;
}

/**
 * One chart in a card: a title, the chart (an image to assistive technology, described by `chartLabel`) and a
 * table of the same numbers whose names are links to the filtered list, so keyboard and screen-reader users
 * reach every part the mouse can click.
 */
export function ChartCard({ title, subtitle, chartLabel, chart, table, stacked = false }: ChartCardProps) {
  const headingId = useId();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="h4" id={headingId}>
        {title}
      </Title>
      {subtitle ? (
        <Text size="sm" c="dimmed" mb="xs">
          {subtitle}
        </Text>
      ) : null}
      <div className={stacked ? classes.cardBodyStacked : classes.cardBody}>
        <div className={classes.chart} role="img" aria-label={chartLabel}>
          {chart}
        </div>
        <div className={classes.parts}>{table}</div>
      </div>
    </Card>
  );
}

export interface PartsTableProps {
  /** Column heading for the names, e.g. "Status". */
  nameHeading: string;
  parts: readonly LinkedPart[];
  /** Shown instead of the table when there is nothing to count. */
  empty: string;
}

/** Name and count per part; the name links to the list filtered to that part. */
export function PartsTable({ nameHeading, parts, empty }: PartsTableProps) {
  if (parts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Table className={classes.partsTable} verticalSpacing={4} horizontalSpacing="xs" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{nameHeading}</Table.Th>
          <Table.Th scope="col" className={classes.count}>
            Tickets
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {parts.map((part) => (
          <Table.Tr key={part.key}>
            <Table.Td className={classes.partLabel}>
              {part.href !== null ? (
                <Anchor component={Link} to={part.href} fz="sm" c="var(--dash-link)">
                  {part.label}
                </Anchor>
              ) : (
                part.label
              )}
            </Table.Td>
            <Table.Td className={classes.count}>{formatCount(part.count)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** "Open 40, In Progress 52, …": the chart's numbers in one sentence. */
export function describeParts(title: string, parts: readonly DashboardPart[]): string {
  if (parts.length === 0) return `${title}: none.`;
  return `${title}: ${parts.map((p) => `${p.label} ${formatCount(p.count)}`).join(', ')}.`;
}
