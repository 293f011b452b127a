import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApiClient, useSessionState } from '../../api/api-context.ts';
import { moduleQueries, templateQueries } from '../../api/queries.ts';
import { useConfig } from '../../config/config-context.ts';
import { toTemplateChoice, type TemplateChoice } from '../../features/templates/template-choice.ts';
import { TemplatePicker } from '../../features/templates/template-picker.tsx';
import { TicketCreateForm } from '../../features/ticket-forms/ticket-create-form.tsx';
import { describeLoadError } from '../../features/tickets/ticket-problem.tsx';
import { draftKey } from '../../ui/drafts.ts';
import { ErrorState } from '../../ui/status-states.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { useSeenLookupValues } from './ticket-edit-route.tsx';
import { technicianKey } from '../../api/technician-key.ts';

const NO_PREFILL: ReadonlyMap<number, string> = new Map();

/**
 * `/tickets/new`: the template picker, then (`?template=<id>` or `?template=blank`) the create form, prefilled.
 * The choice lives in the URL so a reload comes back to the same form, and Back returns to the picker.
 */
export function TicketCreateRoute() {
  const client = useApiClient();
  const config = useConfig();
  const navigate = useNavigate();
  const { technician } = useSessionState();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('template');
  const templatesQuery = useQuery(templateQueries.all(client));
  // The server's field names: templates are written with a site's renamed names ("Building"), and the form's
  // labels and Properties keys must be the server's too.
  const fieldsQuery = useQuery(moduleQueries.fields(client, config.modules.tickets));
  const seen = useSeenLookupValues();
  const fieldNames = fieldsQuery.data ?? null;
  const choices = useMemo<TemplateChoice[] | null>(
    () => templatesQuery.data?.map((template) => toTemplateChoice(template, fieldNames)) ?? null,
    [templatesQuery.data, fieldNames],
  );
  const choice = chosen === null || chosen === 'blank' ? null : choices?.find((c) => String(c.id) === chosen);
  useDocumentTitle(chosen === null ? 'New ticket: choose a template' : 'New ticket');

  const owner = technician ? technicianKey(technician) : null;

  if (chosen === null) {
    const problem = templatesQuery.isError ? (
      <ErrorState
        {...describeLoadError(templatesQuery.error, 'the templates')}
        onRetry={() => void templatesQuery.refetch()}
        retrying={templatesQuery.isFetching}
      />
    ) : null;
    return (
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            New ticket
          </Title>
          <Text c="dimmed" size="sm">
            Choose a template to fill the usual fields, or start from a blank ticket.
          </Text>
        </Stack>
        <TemplatePicker
          choices={choices}
          problem={problem}
          onChoose={(next) => setParams({ template: next === 'blank' ? 'blank' : String(next.id) })}
        />
      </Stack>
    );
  }

  const backToPicker = (
    <Anchor component={Link} to="/tickets/new" size="sm">
      ← Choose another template
    </Anchor>
  );
  const waiting = fieldsQuery.isPending || (chosen !== 'blank' && templatesQuery.isPending);
  if (waiting) {
    return (
      <Stack gap="sm" role="status" aria-label="Loading the form">
        <Skeleton height={32} width="40%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (chosen !== 'blank' && (!choice || !choice.ok)) {
    return (
      <Stack gap="md">
        <Title order={1} fz="h3">
          New ticket
        </Title>
        <ErrorState
          title="This template cannot be used"
          message={
            choice && !choice.ok
              ? `This template's data could not be read: ${choice.error}`
              : 'There is no active template with this number. It may have been retired.'
          }
          actions={
            <Group gap="sm">
              <Button size="xs" variant="default" onClick={() => setParams({ template: 'blank' })}>
                Blank ticket
              </Button>
              {backToPicker}
            </Group>
          }
        />
      </Stack>
    );
  }

  const templateName = choice?.ok ? choice.name : null;
  const key = owner
    ? draftKey({ server: client.baseUrl, technician: owner, ticket: 'new', form: `create:${chosen}` })
    : null;
  return (
    <Stack gap="md">
      <Stack gap={2}>
        {backToPicker}
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          New ticket
        </Title>
        <Text c="dimmed" size="sm" dir="auto">
          {templateName ? `From the template “${templateName}”` : 'Blank ticket'}
        </Text>
      </Stack>
      <TicketCreateForm
        key={chosen}
        prefill={choice?.ok ? choice.values : NO_PREFILL}
        fieldNames={fieldNames}
        draftKey={key}
        owner={owner}
        seen={seen}
        onCreated={(id) => void navigate(`/tickets/${id}`, { replace: true })}
        onCancel={() => void navigate('/tickets/new')}
      />
    </Stack>
  );
}
