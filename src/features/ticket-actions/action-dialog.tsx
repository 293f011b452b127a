import { Button, Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';

export interface ActionDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The submit button's words; destructive ones name the ticket ("Delete ticket 101"). */
  submitLabel: string;
  submitColor?: string;
  onSubmit: () => void;
  pending: boolean;
  submitDisabled?: boolean;
  children: ReactNode;
}

function isSubmitShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/**
 * A controlled dialog around one write (architecture.md, Forms and dialogs): Ctrl/Cmd+Enter submits, Escape and
 * `Cancel` close it, and the focus goes back to what opened it (Mantine's returnFocus). While the write is on
 * its way it cannot be closed, so its outcome is never missed.
 */
export function ActionDialog({
  opened,
  onClose,
  title,
  submitLabel,
  submitColor,
  onSubmit,
  pending,
  submitDisabled = false,
  children,
}: ActionDialogProps) {
  const close = () => {
    if (!pending) onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size="lg"
      centered
      returnFocus
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending && !submitDisabled) onSubmit();
        }}
        onKeyDown={(event) => {
          if (isSubmitShortcut(event)) {
            event.preventDefault();
            if (!pending && !submitDisabled) onSubmit();
          }
        }}
      >
        <Stack gap="md">
          {children}
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="xs" c="dimmed" visibleFrom="sm">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to confirm, <Kbd size="xs">Esc</Kbd> to
              cancel
            </Text>
            <Group gap="sm" ml="auto">
              <Button variant="default" onClick={close} disabled={pending}>
                Cancel
              </Button>
              <Button type="submit" color={submitColor} loading={pending} disabled={submitDisabled}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
