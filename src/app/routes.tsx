import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { RouteError } from './routes/route-error.tsx';
import { StartingUp } from './routes/starting-up.tsx';
import { SignedInGate } from './routes/signed-in-gate.tsx';

// The sign-in page's form is not in the first chunk: a signed-in technician reloading a page never needs it.
const SignInRoute = lazy(async () => {
  const { SignInRoute: Component } = await import('./routes/sign-in-route.tsx');
  return { default: Component };
});

// A component-level lazy, not a route `lazy`: react-router fetches a matched route's lazy code before it renders
// anything, so opening `/` signed out would fetch the home page's code only to redirect to the sign-in page.
const HomeRoute = lazy(async () => {
  const { HomeRoute: Component } = await import('./routes/home-route.tsx');
  return { default: Component };
});

/**
 * The route tree (react-router data mode). Only the sign-in page loads with the first bundle, so that sign-in
 * paints fast; the signed-in frame (signed-in-gate.tsx) and each page are separate chunks, the frame and the
 * ticket detail view fetched while the technician signs in (preload.ts).
 */
export const appRoutes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteError />,
    // Opening a deep link loads that route's code first; this shows meanwhile instead of a blank page.
    hydrateFallbackElement: <StartingUp />,
    children: [
      {
        path: 'sign-in',
        element: (
          <Suspense fallback={<StartingUp />}>
            <SignInRoute />
          </Suspense>
        ),
      },
      {
        element: <SignedInGate />,
        children: [
          {
            index: true,
            element: (
              <Suspense fallback={<StartingUp />}>
                <HomeRoute />
              </Suspense>
            ),
          },
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
