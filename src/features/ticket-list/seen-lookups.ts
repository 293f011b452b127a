import type { LookupSource } from '../../fields/field-kinds.ts';
import type { ListTicket } from './list-ticket.ts';

// Lookup values seen in the local index feed the pickers of every form (issue 5; decisions.md, "Lookup values"):
// the same shape as fields/lookup-options.ts `seenLookupValues`, so a form merges both and passes the result to
// `lookupOptions(source, vocabulary, seen.get(source))`.

export type SeenLookups = Map<LookupSource, Set<string>>;

function add(seen: SeenLookups, source: LookupSource, value: string | null): void {
  if (value === null || value === '') return;
  let set = seen.get(source);
  if (!set) {
    set = new Set();
    seen.set(source, set);
  }
  set.add(value);
}

/** Status, priority, category, technician (login), group and requestor values seen on indexed tickets. */
export function seenIndexLookupValues(tickets: Iterable<ListTicket>): SeenLookups {
  const seen: SeenLookups = new Map();
  for (const t of tickets) {
    add(seen, 'status', t.status);
    add(seen, 'priority', t.priority);
    add(seen, 'category', t.category);
    add(seen, 'technician', t.assigneeLogin);
    add(seen, 'group', t.group);
    add(seen, 'requestor', t.requestorName);
  }
  return seen;
}

/** Merges several seen-value maps (e.g. the query cache's and the index's). */
export function mergeSeenLookups(
  ...maps: readonly ReadonlyMap<LookupSource, ReadonlySet<string>>[]
): SeenLookups {
  const merged: SeenLookups = new Map();
  for (const map of maps)
    for (const [source, values] of map) for (const value of values) add(merged, source, value);
  return merged;
}

/** Sorted options for a filter picker: the vocabulary's first, then the seen values. */
export function pickerOptions(
  vocabulary: readonly string[],
  seen: ReadonlySet<string> | undefined,
): string[] {
  const known = new Set(vocabulary.map((v) => v.toLowerCase()));
  const extra = [...(seen ?? [])]
    .filter((v) => !known.has(v.toLowerCase()))
    .sort((a, b) => a.localeCompare(b));
  return [...vocabulary, ...extra];
}
