import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useApiClient, useSessionState } from '../../api/api-context.ts';
import { draftKey } from '../../ui/drafts.ts';
import type { NoteSender } from './note-composer-pending.ts';
import { technicianKey } from '../../api/technician-key.ts';

/** The sender of the signed-in technician for a ticket, and the storage keys of its draft and pending notes. */
export function useNoteSender(
  ticketId: number,
  onForbidden?: (message: string) => void,
): { sender: NoteSender | null; draftKey: string | null; pendingKey: string | null } {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { technician } = useSessionState();
  const onForbiddenRef = useRef(onForbidden);
  onForbiddenRef.current = onForbidden;
  return useMemo(() => {
    if (!technician) return { sender: null, draftKey: null, pendingKey: null };
    const scope = {
      server: client.baseUrl,
      technician: technicianKey(technician),
      ticket: ticketId,
    };
    const pendingKey = draftKey({ ...scope, form: 'pending-notes' });
    const name = `${technician.firstName} ${technician.lastName}`.trim();
    return {
      sender: {
        queryClient,
        client,
        ticketId,
        scope: pendingKey,
        technician: { login: technician.login, name: name === '' ? technician.login : name },
        onForbidden: (message: string) => onForbiddenRef.current?.(message),
      },
      draftKey: draftKey({ ...scope, form: 'note' }),
      pendingKey,
    };
  }, [client, queryClient, technician, ticketId]);
}
