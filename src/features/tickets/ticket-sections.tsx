import { Group, Switch, Text, Title } from '@mantine/core';
import { memo, useId, useMemo, useState } from 'react';
import type { FieldMap } from '../../api/field-map.ts';
import { FieldValue } from '../../fields/field-value.tsx';
import { groupBySection } from '../../fields/record-view.ts';
import { TicketSeq, ticketCatalog, type TicketSection } from '../../fields/ticket-fields.ts';
import classes from './tickets.module.css';

export interface TicketSectionsProps {
  ticket: FieldMap;
}

/** The description (Additional Information and anything else in the 'main' section but the summary). */
export const TicketDescription = memo(function TicketDescription({ ticket }: TicketSectionsProps) {
  const sections = useMemo(() => groupBySection<TicketSection>(ticket, ticketCatalog), [ticket]);
  const fields = sections
    .find((s) => s.section === 'main')
    ?.fields.filter((f) => f.seq !== TicketSeq.ticketSummary);
  if (!fields || fields.length === 0) return null;
  return (
    <section className={classes.description} aria-label="Description">
      {fields.map((field) => (
        <div key={field.seq}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={2}>
            {field.label}
          </Text>
          <div dir="auto">
            <FieldValue kind={field.kind} value={field.value} />
          </div>
        </div>
      ))}
    </section>
  );
});

/**
 * The ticket's fields in sections (Requestor, Assignment, ... Other fields), labels from the server's display
 * names; empty fields and sections hidden; `Seq_*` keys only when "Show internal fields" is on.
 */
export const TicketSections = memo(function TicketSections({ ticket }: TicketSectionsProps) {
  const [showInternal, setShowInternal] = useState(false);
  const sections = useMemo(
    () =>
      groupBySection<TicketSection>(ticket, ticketCatalog, { showSeqFields: showInternal }).filter(
        (section) => section.section !== 'main',
      ),
    [ticket, showInternal],
  );
  const idPrefix = useId();
  return (
    <div className={classes.sections}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={2} size="h4">
          Fields
        </Title>
        <Switch
          size="sm"
          label="Show internal fields"
          checked={showInternal}
          onChange={(event) => setShowInternal(event.currentTarget.checked)}
        />
      </Group>
      {sections.map((section) => {
        const headingId = `${idPrefix}-${section.section}`;
        return (
          <section key={section.section} className={classes.section} aria-labelledby={headingId}>
            <h3 id={headingId} className={classes.sectionTitle}>
              {section.title}
            </h3>
            <dl className={classes.fieldList}>
              {section.fields.map((field) => (
                <div key={field.seq} className={classes.field}>
                  <dt>{field.label}</dt>
                  <dd dir="auto">
                    <FieldValue kind={field.kind} value={field.value} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
});
