import { createBrowserRouter } from 'react-router';
import { Layout } from './layout.tsx';
import { RequireSignIn } from './require-sign-in.tsx';
import { RouteError } from './route-error.tsx';
import { InboxRoute } from './routes/inbox.tsx';
import { Component as SignIn } from './routes/sign-in.tsx';

/**
 * Page paths never collide with API paths (the local server serves both on one origin): `/task/{id}` is a
 * page, `/tasks/{id}` the API. Every page but the inbox and sign-in is its own chunk, so a phone opening its task list
 * downloads neither the form engine nor the charts.
 */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    // Should the shell itself fail, a plain page still says what to do.
    errorElement: <RouteError />,
    children: [
      {
        // A page that fails to load keeps the header, the language switch and the way home.
        errorElement: <RouteError />,
        children: [
          // Sign-in is in the first download: it is the first page of everyone who is not signed in yet.
          { path: 'sign-in/*', element: <SignIn /> },
          {
            element: <RequireSignIn />,
            children: [
              { index: true, element: <InboxRoute /> },
              { path: 'choose-role', lazy: () => import('./routes/choose-role.tsx') },
              { path: 'task/:taskId', lazy: () => import('./routes/task.tsx') },
              { path: 't/:code', lazy: () => import('./routes/short-link.tsx') },
              { path: 'overview', lazy: () => import('./routes/portfolio.tsx') },
              { path: 'start-cycle', lazy: () => import('./routes/start-cycle.tsx') },
              { path: 'cycles', lazy: () => import('./routes/cycles.tsx') },
              { path: 'cycle/:cycleId', lazy: () => import('./routes/cycle.tsx') },
              { path: 'messages', lazy: () => import('./routes/notifications.tsx') },
              { path: 'settings', lazy: () => import('./routes/settings.tsx') },
              { path: 'members', lazy: () => import('./routes/members.tsx') },
              { path: 'members/:municipalityId', lazy: () => import('./routes/members.tsx') },
              { path: 'public-page', lazy: () => import('./routes/public-page.tsx') },
            ],
          },
          { path: '*', lazy: () => import('./routes/not-found.tsx') },
        ],
      },
    ],
  },
]);
