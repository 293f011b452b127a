// Stylesheets of the Mantine components only the forms use, loaded with the forms' lazy routes
// (src/app/mantine-styles.ts lists the ones every screen needs).
import '@mantine/core/styles/Accordion.css';
import '@mantine/core/styles/NumberInput.css';
import '@mantine/dates/styles.css';
import { Accordion, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { startTransition, useEffect, useState } from 'react';
import type { Seq } from '../../api/field-map.ts';
import { catalogInputProps, type CatalogInputContext } from '../../fields/catalog-input.ts';
import { FieldInput } from '../../fields/field-input.tsx';
import type { FieldFormValues } from '../../fields/form-codecs.ts';
import { formSections } from '../../fields/form-layout.ts';
import type { TicketSection } from '../../fields/ticket-fields.ts';
import classes from './ticket-forms.module.css';

/** Sections a technician fills on most tickets: always open. The rest fold away until asked for. */
const PRIMARY_SECTIONS: ReadonlySet<TicketSection> = new Set([
  'main',
  'requestor',
  'assignment',
  'classification',
]);

export interface TicketFormSectionsProps {
  form: UseFormReturnType<FieldFormValues>;
  seqs: readonly Seq[];
  context: CatalogInputContext;
  /** Seqs whose section must be open (changed fields, fields with errors). */
  attention: ReadonlySet<Seq>;
  disabled?: boolean;
}

function SectionFields({ form, seqs, context, disabled }: Omit<TicketFormSectionsProps, 'attention'>) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      {seqs.map((seq) => {
        const { path, ...input } = catalogInputProps(seq, context);
        const wide = input.kind === 'long-text';
        const binding = form.getInputProps(path, input.kind === 'boolean' ? { type: 'checkbox' } : undefined);
        return (
          <div key={seq} className={wide ? classes.wide : undefined}>
            {/* Uncontrolled (@mantine/form mode 'uncontrolled'): typing re-renders the one input, not the form. */}
            <FieldInput key={form.key(path)} {...input} {...binding} name={path} disabled={disabled} />
          </div>
        );
      })}
    </SimpleGrid>
  );
}

/** The form's fields, grouped by the layout's sections, each input chosen by kind (fields/field-input.tsx). */
export function TicketFormSections({ form, seqs, context, attention, disabled }: TicketFormSectionsProps) {
  const sections = formSections(seqs);
  const primary = sections.filter((entry) => PRIMARY_SECTIONS.has(entry.section));
  const more = sections.filter((entry) => !PRIMARY_SECTIONS.has(entry.section));
  const [opened, setOpened] = useState<string[]>([]);
  // The first section (summary and description, where the focus goes) paints at once; the other sections
  // follow in a transition right after, so the form appears without waiting for some sixty inputs.
  const [rest, setRest] = useState(false);
  useEffect(() => {
    startTransition(() => setRest(true));
  }, []);
  // A folded section with a change or an error in it opens, so nothing the technician must see is hidden.
  const open = new Set(opened);
  for (const entry of more) if (entry.seqs.some((seq) => attention.has(seq))) open.add(entry.section);

  return (
    <Stack gap="md">
      {(rest ? primary : primary.slice(0, 1)).map((entry) => (
        <Paper
          key={entry.section}
          withBorder
          p="md"
          component="section"
          aria-labelledby={`section-${entry.section}`}
        >
          <Title order={2} fz="h4" mb="sm" id={`section-${entry.section}`}>
            {entry.title}
          </Title>
          <SectionFields form={form} seqs={entry.seqs} context={context} disabled={disabled} />
        </Paper>
      ))}
      {rest && more.length > 0 ? (
        <Accordion multiple variant="separated" value={[...open]} onChange={setOpened} order={2}>
          {more.map((entry) => (
            <Accordion.Item key={entry.section} value={entry.section}>
              <Accordion.Control>{entry.title}</Accordion.Control>
              <Accordion.Panel>
                {/* Rendered only when open: a folded section costs nothing when the form opens. */}
                {open.has(entry.section) ? (
                  <SectionFields form={form} seqs={entry.seqs} context={context} disabled={disabled} />
                ) : null}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      ) : null}
    </Stack>
  );
}
