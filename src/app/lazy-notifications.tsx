import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';

const NotificationsContainer = lazy(async () => {
  const { NotificationsContainer: Component } = await import('./notifications-container.tsx');
  return { default: Component };
});

/**
 * The toast container (and its transitions) is fetched when the first toast is shown, not with the first page:
 * most pages never show one (issue 3 budget). Toasts shown meanwhile wait in Mantine's store and appear as soon
 * as the container mounts; once mounted it stays, so later toasts show at once.
 */
export function LazyNotifications() {
  const { notifications, queue } = useNotifications();
  const [wanted, setWanted] = useState(false);
  if (!wanted && (notifications.length > 0 || queue.length > 0)) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <NotificationsContainer />
    </Suspense>
  );
}
