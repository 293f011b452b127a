import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

export interface LeaveGuard {
  /** Call before a navigation the form itself makes (after a save, or Cancel confirmed): it is let through. */
  allowNextNavigation: () => void;
}

/**
 * Asks before a dirty form is left: in-app navigation through react-router's useBlocker (the app uses a data
 * router, see src/app/routes.tsx), closing or reloading the tab through `beforeunload`. The draft is kept
 * either way, so `Leave` loses nothing; `Discard changes` is the one way to throw the typing away.
 */
export function useLeaveGuard(dirty: boolean): LeaveGuard & { dialog: React.ReactNode } {
  const allowRef = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !allowRef.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (allowRef.current) return;
      event.preventDefault();
      // Older browsers need returnValue set to show their prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const dialog = (
    <LeaveDialog
      opened={blocker.state === 'blocked'}
      onStay={() => blocker.reset?.()}
      onLeave={() => blocker.proceed?.()}
    />
  );
  return {
    allowNextNavigation: () => {
      allowRef.current = true;
    },
    dialog,
  };
}

function LeaveDialog({
  opened,
  onStay,
  onLeave,
}: {
  opened: boolean;
  onStay: () => void;
  onLeave: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onStay} title="Leave this form?" centered>
      <Text size="sm" mb="md">
        Your changes are not saved to the ticket yet. They are kept as a draft on this computer and come back
        when you open the form again.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onLeave}>
          Leave
        </Button>
        <Button onClick={onStay} data-autofocus>
          Keep editing
        </Button>
      </Group>
    </Modal>
  );
}
