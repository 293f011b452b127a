import { Button } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSessionState } from '../../api/api-context.ts';
import { usePreloadWhenIdle } from '../../ui/deferred.ts';
import { ForbiddenButton } from '../../ui/forbidden-button.tsx';
import { useForbiddenAction } from '../../api/forbidden-actions.ts';
import { technicianKey } from '../../api/technician-key.ts';

const preloadEditForm = () =>
  import('./ticket-edit-form.tsx').then(
    () => undefined,
    () => undefined,
  );

/** Router state the form navigates back with, so the detail view focuses `Edit` again. */
export const RETURN_FOCUS_STATE = { returnFocus: 'edit' } as const;

/**
 * The detail view's `Edit` button and its key `e` (ignored while typing: useHotkeys skips inputs). Coming back
 * from the form (saved or cancelled) puts the focus on it again (issue 4: focus returns where it was).
 */
export function EditTicketAction({ ticketId }: { ticketId: number }) {
  const { technician } = useSessionState();
  const navigate = useNavigate();
  const location = useLocation();
  const ref = useRef<HTMLAnchorElement>(null);
  const owner = technician ? technicianKey(technician) : null;
  const forbidden = useForbiddenAction(owner, 'edit');
  const to = `/tickets/${ticketId}/edit`;
  useHotkeys([['e', () => !forbidden && void navigate(to)]]);
  const returning = (location.state as { returnFocus?: string } | null)?.returnFocus === 'edit';
  useEffect(() => {
    if (returning) ref.current?.focus();
  }, [returning]);
  // Fetch the form's code while the technician reads the ticket, so `e` does not wait for the network.
  usePreloadWhenIdle(preloadEditForm);
  if (forbidden) return <ForbiddenButton label="Edit" reason={forbidden.message} />;
  return (
    <Button component={Link} to={to} ref={ref} size="xs" variant="default" aria-keyshortcuts="e">
      Edit
    </Button>
  );
}
