import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApiClient } from '../../api/api-context.ts';
import { failureOf, isApiError } from '../../api/api-error.ts';
import { WriteError } from '../../ui/write-error.tsx';
import type { FieldMap, Seq } from '../../api/field-map.ts';
import { ticketKeys, ticketQueries } from '../../api/queries.ts';
import { updateTicket, type TicketProperties } from '../../api/tickets-api.ts';
import { useConfig } from '../../config/config-context.ts';
import { formatDateTime, parseWireDate, wireText } from '../../fields/codecs.ts';
import type { LookupSource } from '../../fields/field-kinds.ts';
import {
  buildValidators,
  changedWireValues,
  toFormValues,
  type FieldFormValues,
} from '../../fields/form-codecs.ts';
import { ticketEditSeqs } from '../../fields/form-layout.ts';
import { ticketCatalog, TicketSeq } from '../../fields/ticket-fields.ts';
import { toProperties } from '../../fields/to-properties.ts';
import { useDraft } from '../../ui/drafts.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { markForbidden, useForbiddenAction } from '../../api/forbidden-actions.ts';
import { useLeaveGuard } from './leave-guard.tsx';
import {
  changedSeqs,
  detectConflict,
  fieldNamedIn,
  keepMine,
  lastModifiedOf,
  takeTheirs,
  type TicketConflict,
} from './ticket-form-model.ts';
import { TicketFormSections } from './ticket-form-sections.tsx';
import { isSubmitShortcut, shouldCancelOnEscape } from './form-keys.ts';
import classes from './ticket-forms.module.css';

/** What an edit draft keeps: the values typed, and the version of the ticket they were typed against. */
export interface EditDraft {
  /** Last Modified of the ticket when the form opened: a restored draft is checked against it, too. */
  base: string | null;
  /** The form's values when it opened. */
  initial: FieldFormValues;
  values: FieldFormValues;
}

export interface TicketEditFormProps {
  ticketId: number;
  /** The loaded ticket (the route loads it; the form never shows a spinner for it). */
  record: FieldMap;
  /** Storage key of the draft (ui/drafts.ts `draftKey`); null keeps no draft. */
  draftKey: string | null;
  /** `GROUP\LOGIN` of the technician: 403s are remembered per technician. */
  owner: string | null;
  /** Values seen on loaded tickets, per lookup source, to suggest beside config.json's vocabulary. */
  seen: ReadonlyMap<LookupSource, Iterable<string>>;
  /** After a save, or Cancel/Escape: the route navigates (the leave guard asks first when there are changes). */
  onDone: (outcome: 'saved' | 'cancelled') => void;
}

const seqs = ticketEditSeqs;
const validators = buildValidators(seqs, ticketCatalog);

function isEmptyDraft(draft: EditDraft | null): boolean {
  return draft === null || changedSeqs(draft.initial, draft.values, seqs).length === 0;
}

/** The edit form of `/tickets/:id/edit` (issue 4, Edit and Lost updates). */
export function TicketEditForm({ ticketId, record, draftKey, owner, seen, onDone }: TicketEditFormProps) {
  const client = useApiClient();
  const config = useConfig();
  const queryClient = useQueryClient();
  const forbidden = useForbiddenAction(owner, 'edit');
  const draft = useDraft<EditDraft | null>(draftKey, null, { isEmpty: isEmptyDraft });

  // The form starts from the draft when there is one (a reload, a crash), else from the record.
  const [start] = useState<EditDraft>(() => {
    const restored = draft.value;
    if (restored && !isEmptyDraft(restored)) return restored;
    const initial = toFormValues(record, seqs, ticketCatalog);
    return { base: lastModifiedOf(record), initial, values: initial };
  });
  const [restoredAt, setRestoredAt] = useState(draft.restoredAt);
  const [base, setBase] = useState(start.base);
  const [initial, setInitial] = useState(start.initial);
  const baseRef = useRef(base);
  const initialRef = useRef(initial);
  baseRef.current = base;
  initialRef.current = initial;

  // Which fields differ from the original, as a string so that typing inside an already changed field does
  // not re-render the form (the inputs are uncontrolled).
  const [changedList, setChangedList] = useState(() =>
    changedSeqs(start.initial, start.values, seqs).join(','),
  );
  const form = useForm<FieldFormValues>({
    mode: 'uncontrolled',
    initialValues: start.values,
    validate: validators,
    onValuesChange: (values) => {
      setChangedList(changedSeqs(initialRef.current, values, seqs).join(','));
      draft.save({ base: baseRef.current, initial: initialRef.current, values });
    },
  });

  const [conflict, setConflict] = useState<TicketConflict | null>(null);
  const [checking, setChecking] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const changed = changedList === '' ? [] : changedList.split(',').map(Number);
  const dirty = changed.length > 0;
  const guard = useLeaveGuard(dirty);

  const mutation = useMutation({
    mutationFn: async (properties: TicketProperties) => {
      const saved = await updateTicket(client, ticketId, { properties });
      // The answer is the whole ticket (protocol-notes §5 #14): the detail shows it at once, before the
      // invalidation policy (query-client.ts) refreshes notes and lists.
      queryClient.setQueryData(ticketKeys.detail(ticketId), saved);
      return saved;
    },
    meta: { invalidates: [ticketKeys.all] },
  });

  useEffect(() => {
    // Keyboard users pressed `e` to get here: the first field takes the focus.
    formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]), textarea')?.focus();
  }, []);

  async function save(values: FieldFormValues, against: { initial: FieldFormValues; base: string | null }) {
    setSubmitError(null);
    const wire = changedWireValues(against.initial, values, seqs, ticketCatalog);
    if (wire.size === 0) return;
    setChecking(true);
    try {
      // Lost updates: re-read the ticket, bypassing the cache, and compare Last Modified (no ETags in the API).
      const fresh = await queryClient.fetchQuery({ ...ticketQueries.detail(client, ticketId), staleTime: 0 });
      const found = detectConflict(against.base, against.initial, values, fresh, seqs);
      if (found) {
        setConflict(found);
        return;
      }
      // Keyed by the display names the server last sent (renamed fields keep their new names).
      await mutation.mutateAsync(toProperties(wire.keys(), wire, fresh, ticketCatalog));
      draft.clear();
      guard.allowNextNavigation();
      notifications.show({ message: `Ticket ${ticketId} saved.`, color: 'green' });
      onDone('saved');
    } catch (error) {
      setSubmitError(error);
      if (isApiError(error) && error.kind === 'forbidden' && owner)
        markForbidden(owner, 'edit', error.message);
      if (isApiError(error) && error.kind === 'bad-request') {
        const seq = fieldNamedIn(error.message, [...wire.keys()], record);
        const key = seq === null ? null : ticketCatalog[seq as keyof typeof ticketCatalog]?.key;
        if (key) form.setFieldError(key, error.message);
      }
    } finally {
      setChecking(false);
    }
  }

  const busy = checking || mutation.isPending;
  const submit = () => {
    if (!dirty || busy || forbidden) return;
    const result = form.validate();
    if (result.hasErrors) return;
    void save(form.getValues(), { initial, base });
  };

  function rebase(next: { initial: FieldFormValues; values: FieldFormValues; lastModified: string | null }) {
    setInitial(next.initial);
    setBase(next.lastModified);
    initialRef.current = next.initial;
    baseRef.current = next.lastModified;
    form.setValues(next.values);
    setChangedList(changedSeqs(next.initial, next.values, seqs).join(','));
    setConflict(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (isSubmitShortcut(event)) {
      event.preventDefault();
      submit();
    } else if (shouldCancelOnEscape(event)) {
      event.preventDefault();
      onDone('cancelled');
    }
  }

  const serverMoved = lastModifiedOf(record) !== base;
  const attention = new Set<Seq>([
    ...changed,
    ...seqs.filter((seq) => {
      const key = ticketCatalog[seq as keyof typeof ticketCatalog]?.key;
      return key !== undefined && form.errors[key] !== undefined;
    }),
  ]);

  return (
    <>
      <form
        ref={formRef}
        noValidate
        aria-label={`Edit ticket ${ticketId}`}
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {restoredAt !== null && dirty ? (
            <Alert variant="light" color="blue" title="Your unsaved changes are back" role="status">
              <Group justify="space-between" gap="sm">
                <Text size="sm">Restored from a draft saved {formatDateTime(new Date(restoredAt))}.</Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    draft.clear();
                    const fresh = toFormValues(record, seqs, ticketCatalog);
                    rebase({ initial: fresh, values: fresh, lastModified: lastModifiedOf(record) });
                    setRestoredAt(null);
                  }}
                >
                  Discard draft
                </Button>
              </Group>
            </Alert>
          ) : null}
          {serverMoved ? (
            <Alert variant="light" color="blue" title="This ticket changed on the server" role="status">
              <Text size="sm">
                {wireText(record.get(TicketSeq.lastUser)?.value ?? null) ?? 'Someone'} changed it
                {describeWhen(record)} after you opened this form. When you save you will see what changed,
                field by field, before anything is written.
              </Text>
            </Alert>
          ) : null}
          {forbidden ? (
            <Alert variant="light" color="red" title="You cannot edit tickets">
              <Text size="sm">{forbidden.message}</Text>
            </Alert>
          ) : null}
          <TicketFormSections
            form={form}
            seqs={seqs}
            context={{ record, vocabulary: config.vocabulary, seen }}
            attention={attention}
          />
          {submitError !== null ? (
            <WriteError
              failure={failureOf(submitError)}
              doing="save the changes"
              onRetry={submit}
              retrying={busy}
            />
          ) : null}
          <Group className={classes.actions} justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {dirty
                ? `${changed.length} ${changed.length === 1 ? 'field' : 'fields'} changed`
                : 'No changes'}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={() => onDone('cancelled')}>
                Cancel
              </Button>
              <Button type="submit" disabled={!dirty || busy || forbidden !== null} loading={busy}>
                Save
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      <ConflictDialog
        ticketId={ticketId}
        conflict={conflict}
        saving={busy}
        onGoBack={() => setConflict(null)}
        onTakeTheirs={() => {
          if (conflict) rebase(takeTheirs(conflict, form.getValues(), seqs));
        }}
        onKeepMine={() => {
          if (!conflict) return;
          const next = keepMine(conflict, form.getValues(), seqs);
          rebase(next);
          void save(next.values, { initial: next.initial, base: next.lastModified });
        }}
      />
      {guard.dialog}
    </>
  );
}

function describeWhen(record: FieldMap): string {
  const date = parseWireDate(record.get(TicketSeq.lastModified)?.value ?? null);
  return date ? ` on ${formatDateTime(date)}` : '';
}
