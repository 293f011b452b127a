import { Button, Modal, Text } from '@mantine/core';
import { SignInForm, type SignInFormProps } from './sign-in-form.tsx';

export interface SignInDialogProps extends Omit<SignInFormProps, 'autoFocus' | 'secondaryAction'> {
  opened: boolean;
  /** The technician whose session ended, as the server named them. */
  technicianName: string;
  onSignOut: () => void;
}

/**
 * Over the current page when the session ended mid-work and could not be renewed (issue 3). The page underneath
 * stays mounted, so whatever was typed is still there; the requests that met the 401 wait for this sign-in and
 * then carry on. It cannot be dismissed: the only ways out are signing in again or signing out.
 */
export function SignInDialog({ opened, technicianName, onSignOut, ...formProps }: SignInDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title="Sign in again"
      centered
      size="sm"
      radius="lg"
      overlayProps={{ backgroundOpacity: 0.45, blur: 2 }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Text size="sm" mb="md">
        The session of {technicianName} has ended. Sign in again to carry on where you were: nothing on the
        page is lost.
      </Text>
      <SignInForm
        {...formProps}
        autoFocus
        secondaryAction={
          <Button variant="subtle" color="gray" onClick={onSignOut} fullWidth>
            Sign out instead
          </Button>
        }
      />
    </Modal>
  );
}
