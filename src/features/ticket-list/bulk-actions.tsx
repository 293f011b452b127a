// Progress is not among the shared Mantine styles (app/mantine-styles.ts): it loads with this lazy screen.
import '@mantine/core/styles/Progress.css';
import { Button, Group, Modal, Progress, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useApiClient } from '../../api/api-context.ts';
import { isApiError } from '../../api/api-error.ts';
import type { FieldMap } from '../../api/field-map.ts';
import { ticketKeys } from '../../api/queries.ts';
import { changeTicketStatus, closeTicket, updateTicket } from '../../api/tickets-api.ts';
import { ticketCatalog, TicketSeq } from '../../fields/ticket-fields.ts';
import { bulkCounts, runBulk, type BulkOutcome } from './bulk-runner.ts';
import type { FilterOption } from './list-filters.tsx';
import classes from './ticket-list.module.css';

// Bulk actions on the selected tickets (issue 5): change status, assign to a technician, close. One ticket at a
// time, with progress and each ticket's result; the failed ones can be run again. Each write is a mutation in
// the app's MutationCache, so its policy (app/query-client.ts, `meta.invalidates`) refreshes the caches and the
// index's feed (features/ticket-index/index-feed.ts) indexes the ticket each write answers with.

export type BulkAction =
  { kind: 'status'; status: string } | { kind: 'assign'; login: string } | { kind: 'close' };
type BulkKind = BulkAction['kind'];

const titles: Record<BulkKind, string> = {
  status: 'Change status',
  assign: 'Assign',
  close: 'Close',
};

function plural(n: number): string {
  return `${n} ${n === 1 ? 'ticket' : 'tickets'}`;
}

function messageOf(error: unknown): string {
  if (isApiError(error)) return error.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export interface BulkActionsProps {
  /** Selected ids, in the list's order. */
  ids: readonly number[];
  statuses: readonly string[];
  technicians: readonly FilterOption[];
  /** config.json's default closed status, for the dialog's wording (protocol-notes §5 #23). */
  closedStatus: string | null;
  /** After a run: the ids that failed stay selected, the rest are released. */
  onFinished: (failedIds: number[]) => void;
  onClearSelection: () => void;
}

export function BulkActions({
  ids,
  statuses,
  technicians,
  closedStatus,
  onFinished,
  onClearSelection,
}: BulkActionsProps) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<BulkKind | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [targets, setTargets] = useState<number[]>([]);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<number, BulkOutcome>>(new Map());
  const [phase, setPhase] = useState<'confirm' | 'running' | 'done'>('confirm');
  const stop = useRef<AbortController | null>(null);

  function open(next: BulkKind) {
    setKind(next);
    setChoice(null);
    setTargets([...ids]);
    setOutcomes(new Map());
    setPhase('confirm');
  }

  async function writeOne(action: BulkAction, id: number): Promise<void> {
    const run = (): Promise<FieldMap> => {
      switch (action.kind) {
        case 'close':
          return closeTicket(client, id, {}).then((r) => r.ticket);
        case 'status':
          return changeTicketStatus(client, id, { statusName: action.status }).then((r) => r.ticket);
        case 'assign':
          // Assigned To Technician takes the login (protocol-notes §4, S9); the key is its display name.
          return updateTicket(client, id, {
            properties: { [ticketCatalog[TicketSeq.assignedToTechnician].name]: action.login },
          });
      }
    };
    const mutation = queryClient.getMutationCache().build(queryClient, {
      mutationFn: run,
      meta: { invalidates: [ticketKeys.allNotes(id), ticketKeys.assignments(id), ['tickets', 'search']] },
    });
    const ticket = await mutation.execute(undefined);
    queryClient.setQueryData(ticketKeys.detail(id), ticket);
  }

  async function start(runIds: readonly number[]) {
    if (kind === null) return;
    const action: BulkAction | null =
      kind === 'close'
        ? { kind }
        : choice === null
          ? null
          : kind === 'status'
            ? { kind, status: choice }
            : { kind, login: choice };
    if (action === null) return;
    setPhase('running');
    setOutcomes((previous) => {
      const next = new Map(previous);
      for (const id of runIds) next.set(id, { id, state: 'waiting' });
      return next;
    });
    const controller = new AbortController();
    stop.current = controller;
    await runBulk({
      ids: runIds,
      run: (id) => writeOne(action, id),
      messageOf,
      signal: controller.signal,
      onOutcome: (outcome) => setOutcomes((previous) => new Map(previous).set(outcome.id, outcome)),
    });
    stop.current = null;
    setPhase('done');
  }

  const counts = bulkCounts(outcomes.values());
  const failedIds = [...outcomes.values()].filter((o) => o.state === 'failed').map((o) => o.id);

  function close() {
    if (phase === 'running') return;
    if (phase === 'done') onFinished(failedIds);
    setKind(null);
  }

  const verb = kind === null ? '' : titles[kind];
  const submitLabel =
    kind === 'close'
      ? `Close ${plural(targets.length)}`
      : kind === 'status'
        ? `Change status of ${plural(targets.length)}`
        : `Assign ${plural(targets.length)}`;

  return (
    <>
      {/* The dialog stays while it runs even when the written tickets leave the view (and the selection). */}
      {ids.length > 0 ? (
        <Group gap="xs" wrap="wrap" role="group" aria-label="Bulk actions">
          <Text size="sm" fw={600} aria-live="polite">
            {plural(ids.length)} selected
          </Text>
          <Button size="xs" variant="default" onClick={() => open('status')}>
            Change status…
          </Button>
          <Button size="xs" variant="default" onClick={() => open('assign')}>
            Assign…
          </Button>
          <Button size="xs" variant="default" onClick={() => open('close')}>
            Close…
          </Button>
          <Button size="xs" variant="subtle" onClick={onClearSelection}>
            Clear selection
          </Button>
        </Group>
      ) : null}
      <Modal
        opened={kind !== null}
        onClose={close}
        title={`${verb}: ${plural(targets.length)}`}
        closeOnEscape={phase !== 'running'}
        withCloseButton={phase !== 'running'}
        size="lg"
      >
        <Stack gap="sm">
          {phase === 'confirm' ? (
            <>
              {kind === 'status' ? (
                <Select
                  label="New status"
                  data={[...statuses]}
                  value={choice}
                  onChange={setChoice}
                  searchable
                  data-autofocus
                  comboboxProps={{ withinPortal: true }}
                />
              ) : null}
              {kind === 'assign' ? (
                <Select
                  label="Technician"
                  data={technicians.map((t) => ({ value: t.value, label: t.label }))}
                  value={choice}
                  onChange={setChoice}
                  searchable
                  data-autofocus
                  comboboxProps={{ withinPortal: true }}
                />
              ) : null}
              {kind === 'close' ? (
                <Text size="sm">
                  {closedStatus
                    ? `Each ticket gets the status ${closedStatus}.`
                    : "Each ticket gets the site's default closed status."}{' '}
                  Tickets: {targets.map((id) => `#${id}`).join(', ')}.
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  Tickets: {targets.map((id) => `#${id}`).join(', ')}.
                </Text>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button onClick={() => void start(targets)} disabled={kind !== 'close' && choice === null}>
                  {submitLabel}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Progress
                value={targets.length === 0 ? 0 : (counts.done / targets.length) * 100}
                aria-label={`${counts.done} of ${targets.length} done`}
                color={counts.failed > 0 ? 'orange' : undefined}
              />
              <Text size="sm" role="status">
                {phase === 'running' ? 'Working: ' : 'Finished: '}
                {counts.done} of {targets.length} done · {counts.ok} succeeded · {counts.failed} failed
              </Text>
              <ul className={classes.progressList} aria-label="Result per ticket">
                {targets.map((id) => {
                  const outcome = outcomes.get(id);
                  const state = outcome?.state ?? 'waiting';
                  return (
                    <li key={id}>
                      <Text size="sm" c={state === 'failed' ? 'red' : state === 'ok' ? undefined : 'dimmed'}>
                        #{id}:{' '}
                        {state === 'ok'
                          ? 'done'
                          : state === 'failed' && outcome?.state === 'failed'
                            ? `failed: ${outcome.message}`
                            : state === 'running'
                              ? 'working…'
                              : 'waiting'}
                      </Text>
                    </li>
                  );
                })}
              </ul>
              <Group justify="flex-end">
                {phase === 'running' ? (
                  <Button variant="default" onClick={() => stop.current?.abort()}>
                    Stop after this ticket
                  </Button>
                ) : (
                  <>
                    {failedIds.length > 0 ? (
                      <Button variant="default" onClick={() => void start(failedIds)}>
                        Retry {failedIds.length} failed
                      </Button>
                    ) : null}
                    <Button onClick={close}>Done</Button>
                  </>
                )}
              </Group>
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}
