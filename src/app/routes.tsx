import type { RouteObject } from 'react-router';
import { HomeRoute } from './routes/home-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { RouteError } from './routes/route-error.tsx';
import { StartingUp } from './routes/starting-up.tsx';
import { SignInRoute } from './routes/sign-in-route.tsx';
import { SignedInLayout } from './routes/signed-in-layout.tsx';

/**
 * The route tree (react-router data mode). The sign-in page and the frame load with the first bundle so that
 * sign-in paints fast; the ticket detail view (fields, notes, attachments, assignments) is a separate chunk,
 * fetched while the technician signs in or the first time a ticket opens.
 */
export const appRoutes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteError />,
    // Opening a deep link loads that route's code first; this shows meanwhile instead of a blank page.
    hydrateFallbackElement: <StartingUp />,
    children: [
      { path: 'sign-in', element: <SignInRoute /> },
      {
        element: <SignedInLayout />,
        children: [
          { index: true, element: <HomeRoute /> },
          {
            path: 'tickets',
            lazy: async () => {
              const { TicketListRoute } = await import('./routes/ticket-list-route.tsx');
              return { Component: TicketListRoute };
            },
          },
          {
            // Its own chunk: the charts library (recharts) and its styles stay out of the first bundle.
            path: 'dashboard',
            lazy: async () => {
              const { DashboardRoute } = await import('./routes/dashboard-route.tsx');
              return { Component: DashboardRoute };
            },
          },
          {
            path: 'tickets/:id',
            lazy: async () => {
              const { TicketDetailRoute } = await import('./routes/ticket-detail-route.tsx');
              return { Component: TicketDetailRoute };
            },
          },
          {
            path: 'tickets/:id/edit',
            lazy: async () => {
              const { TicketEditRoute } = await import('./routes/ticket-edit-route.tsx');
              return { Component: TicketEditRoute };
            },
          },
          {
            path: 'tickets/new',
            lazy: async () => {
              const { TicketCreateRoute } = await import('./routes/ticket-create-route.tsx');
              return { Component: TicketCreateRoute };
            },
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];
