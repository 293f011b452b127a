import { TicketIndexMount } from '../ticket-index-mount.tsx';
import { SignedInLayout } from './signed-in-layout.tsx';

/** The signed-in pages' frame with the ticket index under it: one lazy chunk the sign-in page never loads. */
export function SignedInArea() {
  return (
    <TicketIndexMount>
      <SignedInLayout />
    </TicketIndexMount>
  );
}
