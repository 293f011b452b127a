// Mantine charts' styles load with this lazy route, not with the first bundle (issue 3's CSS budget), with the
// one core component they use that app/mantine-styles.ts leaves out (the legend's and tooltip's swatches).
import '@mantine/core/styles/ColorSwatch.css';
import '@mantine/charts/styles.css';
import { useConfig } from '../../config/config-context.ts';
import { DashboardScreen } from '../../features/dashboard/dashboard-screen.tsx';
import type { DashboardTarget } from '../../features/dashboard/dashboard-stats.ts';
import { IndexStatus } from '../../features/ticket-index/index-status.tsx';
import { useTicketIndex } from '../../features/ticket-index/ticket-index-provider.tsx';
import { listHref } from '../../features/ticket-list/list-url.ts';
import { useDocumentTitle } from '../use-document-title.ts';

/**
 * The ticket list's URL for a part of a dashboard chart. The dashboard states which tickets a part counts; the
 * list owns its URL format (features/ticket-list/list-url.ts); a feature never imports another, so the two
 * meet here. Every definition matches: the list's "open" view is the dashboard's open work, its day ranges
 * are the browser's calendar days.
 */
export function dashboardTargetHref(target: DashboardTarget): string {
  switch (target.kind) {
    case 'open':
      return listHref({ view: 'open' });
    case 'status':
      return listHref({ view: 'open', filters: { statuses: [target.status] } });
    case 'priority':
      return listHref({ view: 'open', filters: { priorities: [target.priority] } });
    case 'technicians':
      return listHref({ view: 'open', filters: { technicians: target.logins } });
    case 'unassigned':
      return listHref({ view: 'unassigned' });
    case 'age':
      return listHref({ view: 'open', filters: { opened: { from: target.from, to: target.to } } });
    case 'overdue':
      return listHref({ view: 'overdue' });
    case 'due-today':
      return listHref({ view: 'due-today' });
    case 'opened-on':
      return listHref({ view: 'all', filters: { opened: { from: target.day, to: target.day } } });
    case 'closed-on':
      return listHref({ view: 'all', filters: { closed: { from: target.day, to: target.day } } });
  }
}

/** `/dashboard`: the manager dashboard over the local ticket index (issue 5). */
export function DashboardRoute() {
  const config = useConfig();
  const { tickets, version, stats } = useTicketIndex();
  const { statuses, priorities } = config.vocabulary;
  useDocumentTitle('Dashboard');

  return (
    <DashboardScreen
      tickets={tickets}
      loaded={version > 0}
      coverage={stats}
      indexStatus={<IndexStatus />}
      statusOrder={statusNames(statuses)}
      priorityOrder={priorities}
      hrefFor={dashboardTargetHref}
    />
  );
}

const namesCache = new WeakMap<readonly { name: string }[], readonly string[]>();

/** The status names in config order, the same array for the same vocabulary (keeps the stats memoised). */
function statusNames(statuses: readonly { name: string }[]): readonly string[] {
  let names = namesCache.get(statuses);
  if (!names) {
    names = statuses.map((s) => s.name);
    namesCache.set(statuses, names);
  }
  return names;
}
