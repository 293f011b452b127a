import { Notifications } from '@mantine/notifications';

/** Mantine's toast container, in its own chunk (see lazy-notifications.tsx). */
export function NotificationsContainer() {
  return <Notifications position="bottom-right" />;
}
