import { Badge, Group, Text } from '@mantine/core';
import type { FieldMap } from '../../api/field-map.ts';
import { fieldNumber, fieldText, fieldValue } from '../../api/field-map.ts';
import { AssignmentSeq } from '../../fields/assignment-fields.ts';
import { formatDateTime, parseWireDate } from '../../fields/codecs.ts';
import classes from './assignments.module.css';

export interface AssignmentsListProps {
  assignments: readonly FieldMap[];
}

interface AssignmentView {
  id: number | null;
  summary: string | null;
  status: string | null;
  priority: string | null;
  technician: string | null;
  group: string | null;
  opened: Date | null;
  due: Date | null;
  closed: Date | null;
}

function text(map: FieldMap, seq: number): string | null {
  const value = fieldText(map, seq);
  return value !== null && value.trim() !== '' ? value : null;
}

function toAssignmentView(map: FieldMap): AssignmentView {
  return {
    id: fieldNumber(map, AssignmentSeq.assignmentId),
    summary: text(map, AssignmentSeq.assignmentSummary),
    status: text(map, AssignmentSeq.status),
    priority: text(map, AssignmentSeq.priority),
    technician: text(map, AssignmentSeq.assignedToFullName) ?? text(map, AssignmentSeq.assignedToTechnician),
    group: text(map, AssignmentSeq.assignedToGroup),
    opened: parseWireDate(fieldValue(map, AssignmentSeq.openDateTime)),
    due: parseWireDate(fieldValue(map, AssignmentSeq.expectedDueDateTime)),
    closed: parseWireDate(fieldValue(map, AssignmentSeq.closeDateTime)),
  };
}

function DateFact({ label, date }: { label: string; date: Date | null }) {
  if (!date) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>
      </dd>
    </div>
  );
}

/** A ticket's assignments (child work orders): summary, status, technician and dates, read-only. */
export function AssignmentsList({ assignments }: AssignmentsListProps) {
  if (assignments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This ticket has no assignments.
      </Text>
    );
  }
  const views = assignments.map(toAssignmentView);
  return (
    <ul className={classes.list} aria-label="Assignments">
      {views.map((assignment, index) => (
        <li key={assignment.id ?? `index-${index}`} className={classes.item} data-testid="assignment">
          <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
            <Text size="sm" fw={600} dir="auto" className={classes.summary}>
              {assignment.id !== null ? <span className={classes.number}>#{assignment.id} </span> : null}
              {assignment.summary ?? 'No summary'}
            </Text>
            {assignment.status ? (
              <Badge variant="outline" color="gray" c="var(--mantine-color-text)" tt="none">
                {assignment.status}
              </Badge>
            ) : null}
          </Group>
          <dl className={classes.facts}>
            <div>
              <dt>Technician</dt>
              <dd>
                {assignment.technician ?? 'Unassigned'}
                {assignment.group ? ` (${assignment.group})` : ''}
              </dd>
            </div>
            {assignment.priority ? (
              <div>
                <dt>Priority</dt>
                <dd>{assignment.priority}</dd>
              </div>
            ) : null}
            <DateFact label="Opened" date={assignment.opened} />
            <DateFact label="Due" date={assignment.due} />
            <DateFact label="Closed" date={assignment.closed} />
          </dl>
        </li>
      ))}
    </ul>
  );
}
