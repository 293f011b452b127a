import { SignInDialog, type SignInDialogProps } from '../../features/auth/sign-in-dialog.tsx';
import { useOpenedAfterMount } from '../../ui/opened-after-mount.ts';

/** The sign-in dialog in its own chunk, fetched the first time a session ends mid-work (signed-in-layout.tsx). */
export function SignInAgainDialog({ opened, ...props }: SignInDialogProps) {
  return <SignInDialog opened={useOpenedAfterMount(opened)} {...props} />;
}
