import { useEffect, useState } from 'react';

/**
 * For a dialog whose code is fetched when it is first asked for (issue 3 budget: dialogs stay out of the page's
 * first chunks): it mounts closed and opens a frame later, because Mantine's Modal notes the element to give
 * the focus back to only when `opened` turns true after mounting (use-focus-return), not when it mounts open.
 */
export function useOpenedAfterMount(opened: boolean): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setMounted(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return mounted && opened;
}
