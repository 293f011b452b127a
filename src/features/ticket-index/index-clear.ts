import type { QueryClient } from '@tanstack/react-query';
import { deleteIndexDatabase, indexDatabaseName, listIndexDatabases, type IndexOwner } from './index-db.ts';

export interface ClearThisBrowsersDataOptions {
  /** The server and technician whose index goes. */
  owner?: IndexOwner;
  /** Also every other index database of this browser (other technicians or servers), where it can list them. */
  everyIndex?: boolean;
  /** Its cache is cleared too: nothing loaded stays in memory. */
  queryClient?: QueryClient;
}

/**
 * `Clear this browser's data` (issue 5): deletes the local ticket index database(s) and clears the query cache.
 * Open connections close themselves when asked (index-db.ts `blocking`), so the deletion is not held up. Inside
 * the app, prefer `useClearThisBrowsersData()` (ticket-index-provider.tsx), which also stops the sync and opens
 * a fresh, empty index.
 */
export async function clearThisBrowsersData(options: ClearThisBrowsersDataOptions): Promise<void> {
  const names = new Set<string>();
  if (options.owner) names.add(indexDatabaseName(options.owner));
  if (options.everyIndex) for (const name of (await listIndexDatabases()) ?? []) names.add(name);
  await Promise.all([...names].map((name) => deleteIndexDatabase(name)));
  options.queryClient?.clear();
}
