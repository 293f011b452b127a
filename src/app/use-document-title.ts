import { useEffect } from 'react';

/** Sets the tab's title while the screen is shown (screen readers announce it on navigation too). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
