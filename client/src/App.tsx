import { lazy, Suspense } from 'react';
import { Toasts } from './components/Toasts';
import { HomePage } from './pages/HomePage';
import { JoinPage } from './pages/JoinPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ParticipantPage } from './pages/ParticipantPage';
import { matchRoute, usePathname } from './router';

// Participants never download the facilitator's tools (bundle budget).
const FacilitatorPage = lazy(() => import('./pages/FacilitatorPage'));

function CurrentPage() {
  const route = matchRoute(usePathname());
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'join':
      return <JoinPage code={route.code} />;
    case 'participant':
      return <ParticipantPage key={route.boardId} boardId={route.boardId} />;
    case 'facilitator':
      return (
        <Suspense
          fallback={
            <main className="page page--narrow" aria-busy="true">
              <p>Loading the facilitator board…</p>
            </main>
          }
        >
          <FacilitatorPage key={route.boardId} boardId={route.boardId} />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundPage />;
  }
}

export function App() {
  return (
    <>
      <CurrentPage />
      <Toasts />
    </>
  );
}
