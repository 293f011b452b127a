import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApiClient } from '../../api/api-context.ts';
import { failureOf, isApiError } from '../../api/api-error.ts';
import { WriteError } from '../../ui/write-error.tsx';
import type { FieldMap, Seq, WireValue } from '../../api/field-map.ts';
import { ticketKeys } from '../../api/queries.ts';
import { createTicket, type TicketProperties } from '../../api/tickets-api.ts';
import { useConfig } from '../../config/config-context.ts';
import { formatDateTime, parseInteger } from '../../fields/codecs.ts';
import type { LookupSource } from '../../fields/field-kinds.ts';
import { buildValidators, formCodecs, toFormValues, type FieldFormValues } from '../../fields/form-codecs.ts';
import { ticketCreateSeqs } from '../../fields/form-layout.ts';
import { ticketCatalog, TicketSeq } from '../../fields/ticket-fields.ts';
import { toProperties } from '../../fields/to-properties.ts';
import { useDraft } from '../../ui/drafts.ts';
import { markForbidden, useForbiddenAction } from '../../api/forbidden-actions.ts';
import { isSubmitShortcut, shouldCancelOnEscape } from './form-keys.ts';
import { useLeaveGuard } from './leave-guard.tsx';
import { changedSeqs, fieldNamedIn } from './ticket-form-model.ts';
import { TicketFormSections } from './ticket-form-sections.tsx';
import classes from './ticket-forms.module.css';

export interface TicketCreateFormProps {
  /** The template's values by seq (Template Data, as written); empty for a blank ticket. */
  prefill: ReadonlyMap<Seq, string>;
  /** The server's field names (GET /module/{id}/fields) for labels and Properties keys; null: the catalog's. */
  fieldNames: FieldMap | null;
  draftKey: string | null;
  owner: string | null;
  seen: ReadonlyMap<LookupSource, Iterable<string>>;
  onCreated: (ticketId: number) => void;
  onCancel: () => void;
}

const seqs = ticketCreateSeqs;
// A ticket with no summary cannot be found again in any list: the one field the app insists on.
const validators = buildValidators(seqs, ticketCatalog, { required: [TicketSeq.ticketSummary] });
const keyOf = (seq: Seq) => ticketCatalog[seq as keyof typeof ticketCatalog]?.key ?? String(seq);

/** The template's values as form values (each through its kind's codec). */
export function prefillValues(prefill: ReadonlyMap<Seq, string>): FieldFormValues {
  const values = toFormValues(null, seqs, ticketCatalog);
  for (const seq of seqs) {
    const raw = prefill.get(seq);
    const definition = ticketCatalog[seq as keyof typeof ticketCatalog];
    if (raw === undefined || !definition) continue;
    values[definition.key] = formCodecs[definition.kind].toForm(raw);
  }
  return values;
}

/** The create form of `/tickets/new` after the template picker (issue 4, Create). */
export function TicketCreateForm({
  prefill,
  fieldNames,
  draftKey,
  owner,
  seen,
  onCreated,
  onCancel,
}: TicketCreateFormProps) {
  const client = useApiClient();
  const config = useConfig();
  const queryClient = useQueryClient();
  const forbidden = useForbiddenAction(owner, 'create');
  const [initial] = useState(() => prefillValues(prefill));
  const draft = useDraft<FieldFormValues>(draftKey, initial, {
    isEmpty: (values) => changedSeqs(initial, values, seqs).length === 0,
  });
  const [restoredAt, setRestoredAt] = useState(draft.restoredAt);
  const [changedList, setChangedList] = useState(() => changedSeqs(initial, draft.value, seqs).join(','));
  const form = useForm<FieldFormValues>({
    mode: 'uncontrolled',
    initialValues: draft.value,
    validate: validators,
    onValuesChange: (values) => {
      setChangedList(changedSeqs(initial, values, seqs).join(','));
      draft.save(values);
    },
  });
  const [submitError, setSubmitError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const changed = changedList === '' ? [] : changedList.split(',').map(Number);
  const guard = useLeaveGuard(changed.length > 0);

  const mutation = useMutation({
    mutationFn: async (properties: TicketProperties) => {
      const created = await createTicket(client, { properties });
      const id = parseInteger(created.get(TicketSeq.ticketId)?.value ?? null);
      if (id !== null) queryClient.setQueryData(ticketKeys.detail(id), created);
      return { id, created };
    },
    meta: { invalidates: [ticketKeys.all] },
  });

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]), textarea')?.focus();
  }, []);

  async function create(values: FieldFormValues) {
    setSubmitError(null);
    // Every filled field goes, not only the changed ones: the template's values are the ticket's too.
    const wire = new Map<Seq, WireValue>();
    for (const seq of seqs) {
      const value = formCodecs[ticketCatalog[seq as keyof typeof ticketCatalog]!.kind].toWire(
        values[keyOf(seq)] ?? null,
      );
      if (value !== undefined && value !== null) wire.set(seq, value);
    }
    try {
      const { id } = await mutation.mutateAsync(toProperties(wire.keys(), wire, fieldNames, ticketCatalog));
      draft.clear();
      guard.allowNextNavigation();
      notifications.show({
        message: id === null ? 'Ticket created.' : `Ticket ${id} created.`,
        color: 'green',
      });
      if (id !== null) onCreated(id);
    } catch (error) {
      setSubmitError(error);
      if (isApiError(error) && error.kind === 'forbidden' && owner)
        markForbidden(owner, 'create', error.message);
      if (isApiError(error) && error.kind === 'bad-request') {
        const seq = fieldNamedIn(error.message, [...wire.keys()], fieldNames);
        if (seq !== null) form.setFieldError(keyOf(seq), error.message);
      }
    }
  }

  const busy = mutation.isPending;
  const submit = () => {
    if (busy || forbidden) return;
    if (form.validate().hasErrors) return;
    void create(form.getValues());
  };

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (isSubmitShortcut(event)) {
      event.preventDefault();
      submit();
    } else if (shouldCancelOnEscape(event)) {
      event.preventDefault();
      onCancel();
    }
  }

  const attention = new Set<Seq>([
    ...changed,
    ...[...prefill.keys()],
    ...seqs.filter((seq) => form.errors[keyOf(seq)] !== undefined),
  ]);

  return (
    <>
      <form
        ref={formRef}
        noValidate
        aria-label="New ticket"
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {restoredAt !== null && changed.length > 0 ? (
            <Alert variant="light" color="blue" title="Your unsaved ticket is back" role="status">
              <Group justify="space-between" gap="sm">
                <Text size="sm">Restored from a draft saved {formatDateTime(new Date(restoredAt))}.</Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    draft.clear();
                    form.setValues(initial);
                    setRestoredAt(null);
                  }}
                >
                  Discard draft
                </Button>
              </Group>
            </Alert>
          ) : null}
          {forbidden ? (
            <Alert variant="light" color="red" title="You cannot create tickets">
              <Text size="sm">{forbidden.message}</Text>
            </Alert>
          ) : null}
          <TicketFormSections
            form={form}
            seqs={seqs}
            context={{ record: fieldNames, vocabulary: config.vocabulary, seen }}
            attention={attention}
          />
          {submitError !== null ? (
            <WriteError
              failure={failureOf(submitError)}
              doing="create the ticket"
              onRetry={submit}
              retrying={busy}
              retryNote="If the server received the ticket before the connection failed, it may already exist: look in Recent tickets or search for its summary first."
            />
          ) : null}
          <Group className={classes.actions} justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy || forbidden !== null} loading={busy}>
              Create ticket
            </Button>
          </Group>
        </Stack>
      </form>
      {guard.dialog}
    </>
  );
}
