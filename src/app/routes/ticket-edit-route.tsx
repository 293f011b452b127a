import { Anchor, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiClient, useSessionState } from '../../api/api-context.ts';
import type { FieldMap } from '../../api/field-map.ts';
import { ticketKeys, ticketQueries } from '../../api/queries.ts';
import { wireText } from '../../fields/codecs.ts';
import { seenLookupValues } from '../../fields/lookup-options.ts';
import { TicketSeq } from '../../fields/ticket-fields.ts';
import { RETURN_FOCUS_STATE } from '../../features/ticket-forms/edit-ticket-action.tsx';
import { TicketEditForm } from '../../features/ticket-forms/ticket-edit-form.tsx';
import { parseTicketId } from '../../features/tickets/ticket-id.ts';
import { MalformedTicketId, TicketProblem } from '../../features/tickets/ticket-problem.tsx';
import { draftKey } from '../../ui/drafts.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { technicianKey } from '../../api/technician-key.ts';

/** Values seen on every ticket in the cache, for the lookup inputs' suggestions (decisions.md, Lookup values). */
export function useSeenLookupValues() {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const records = queryClient
      .getQueriesData<FieldMap>({ queryKey: ticketKeys.details() })
      .map(([, data]) => data)
      .filter((data): data is FieldMap => data instanceof Map);
    return seenLookupValues(records);
  }, [queryClient]);
}

/** `/tickets/:id/edit`: loads the ticket, then hands the loaded record to the form. */
export function TicketEditRoute() {
  const { id: rawId } = useParams();
  const ticketId = parseTicketId(rawId);
  if (ticketId === null) {
    return (
      <Stack gap="sm">
        <Title order={1} fz="h3">
          Edit ticket “{rawId}”
        </Title>
        <MalformedTicketId raw={rawId ?? ''} />
      </Stack>
    );
  }
  return <TicketEdit key={ticketId} ticketId={ticketId} />;
}

function TicketEdit({ ticketId }: { ticketId: number }) {
  const client = useApiClient();
  const { technician } = useSessionState();
  const navigate = useNavigate();
  const query = useQuery(ticketQueries.detail(client, ticketId));
  const seen = useSeenLookupValues();
  useDocumentTitle(`Edit ticket ${ticketId}`);

  const owner = technician ? technicianKey(technician) : null;
  const key = owner
    ? draftKey({ server: client.baseUrl, technician: owner, ticket: ticketId, form: 'edit' })
    : null;
  const record = query.data;

  if (!record) {
    if (query.isError) {
      return (
        <Stack gap="sm">
          <Title order={1} fz="h3">
            Edit ticket {ticketId}
          </Title>
          <TicketProblem
            error={query.error}
            what={`ticket ${ticketId}`}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
            actions={
              <Anchor component={Link} to="/" size="sm">
                Go to the start page
              </Anchor>
            }
          />
        </Stack>
      );
    }
    return (
      <Stack gap="sm" role="status" aria-label={`Loading ticket ${ticketId}`}>
        <Skeleton height={32} width="50%" />
        <Skeleton height={240} />
      </Stack>
    );
  }

  const summary = wireText(record.get(TicketSeq.ticketSummary)?.value ?? null);
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Anchor component={Link} to={`/tickets/${ticketId}`} size="sm">
          ← Ticket #{ticketId}
        </Anchor>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          Edit ticket {ticketId}
        </Title>
        {summary ? (
          <Text c="dimmed" size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }}>
            {summary}
          </Text>
        ) : null}
      </Stack>
      <TicketEditForm
        ticketId={ticketId}
        record={record}
        draftKey={key}
        owner={owner}
        seen={seen}
        onDone={() => void navigate(`/tickets/${ticketId}`, { state: RETURN_FOCUS_STATE })}
      />
    </Stack>
  );
}
