import type { KeyboardEvent } from 'react';

// Form keys (issue 4, Keyboard): Ctrl/Cmd+Enter submits, Escape cancels.

export function isSubmitShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/**
 * Escape cancels the form, unless it belongs to something open inside it: a select's or picker's dropdown
 * (its input says aria-expanded="true" while open) closes first, as the technician expects.
 */
export function shouldCancelOnEscape(event: KeyboardEvent): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented) return false;
  const target = event.target;
  if (target instanceof HTMLElement && target.getAttribute('aria-expanded') === 'true') return false;
  return true;
}
