import { Alert, Badge, Button, Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TemplateChoice } from './template-choice.ts';
import classes from './templates.module.css';

export interface TemplatePickerProps {
  /** Null while the templates load. */
  choices: TemplateChoice[] | null;
  /** Shown instead of the templates when they could not be loaded (Blank ticket stays available). */
  problem?: ReactNode;
  onChoose: (choice: TemplateChoice | 'blank') => void;
}

/**
 * The first step of `New ticket`: each template's name, description and the fields it fills, and `Blank
 * ticket`. A template whose data cannot be read says so and why, and cannot be chosen: choosing it would
 * silently open a blank form under the template's name, and the technician would believe its fields were
 * filled; `Blank ticket` is right beside it for that.
 */
export function TemplatePicker({ choices, problem, onChoose }: TemplatePickerProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" role="list" aria-label="Templates">
      <Card withBorder padding="md" role="listitem" className={classes.card}>
        <Stack gap="xs" className={classes.cardBody}>
          <Title order={2} fz="h4">
            Blank ticket
          </Title>
          <Text size="sm" c="dimmed">
            Start with every field empty.
          </Text>
        </Stack>
        <Button variant="default" onClick={() => onChoose('blank')} mt="md">
          Blank ticket
        </Button>
      </Card>
      {problem ? <div role="listitem">{problem}</div> : null}
      {choices === null && !problem
        ? [0, 1, 2].map((index) => (
            <Card withBorder padding="md" key={index} role="listitem" aria-label="Loading templates">
              <Skeleton height={20} width="60%" mb="sm" />
              <Skeleton height={12} mb={6} />
              <Skeleton height={12} width="80%" />
            </Card>
          ))
        : null}
      {(choices ?? []).map((choice) => (
        <TemplateCard key={choice.id} choice={choice} onChoose={() => onChoose(choice)} />
      ))}
    </SimpleGrid>
  );
}

function TemplateCard({ choice, onChoose }: { choice: TemplateChoice; onChoose: () => void }) {
  const headingId = `template-${choice.id}`;
  const filled = choice.ok ? choice.fills.filter((fill) => fill.filled) : [];
  const skipped = choice.ok ? choice.fills.filter((fill) => !fill.filled) : [];
  return (
    <Card withBorder padding="md" role="listitem" aria-labelledby={headingId} className={classes.card}>
      <Stack gap="xs" className={classes.cardBody}>
        <Title order={2} fz="h4" id={headingId} dir="auto" className={classes.name}>
          {choice.name}
        </Title>
        {choice.description ? (
          <Text size="sm" c="dimmed" dir="auto" className={classes.text}>
            {choice.description}
          </Text>
        ) : null}
        {choice.ok ? (
          filled.length > 0 ? (
            <div>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
                Fills
              </Text>
              <dl className={classes.fills}>
                {filled.map((fill, index) => (
                  <div key={index} className={classes.fill}>
                    <dt>{fill.fieldName}</dt>
                    <dd dir="auto">{fill.value === '' ? '(empty)' : fill.value}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ) : (
            <Text size="sm">Fills no fields.</Text>
          )
        ) : (
          <Alert color="red" variant="light" title="This template's data could not be read" p="xs">
            <Text size="xs" className={classes.text}>
              {choice.error}
            </Text>
          </Alert>
        )}
        {skipped.length > 0 ? (
          <Text size="xs" c="dimmed">
            Not filled (no field by that name can be set here):{' '}
            {skipped.map((fill) => fill.fieldName).join(', ')}
          </Text>
        ) : null}
      </Stack>
      {choice.ok ? (
        <Button onClick={onChoose} mt="md" aria-label={`Use template ${choice.name}`}>
          Use template
        </Button>
      ) : (
        <Badge color="gray" variant="light" mt="md">
          Cannot be used
        </Badge>
      )}
    </Card>
  );
}
