import { lazy, Suspense } from 'react';
import { LanguagePicker } from './components/LanguagePicker';
import { Toasts } from './components/Toasts';
import { loadPageMessages, type MessageKey, useT } from './i18n/i18n';
import { JoinPage } from './pages/JoinPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ParticipantPage } from './pages/ParticipantPage';
import { matchRoute, usePathname } from './router';

// A participant's path (join link → name → board) is imported statically and built into the entry
// chunk; every other page is lazy, so participants never download the facilitator's tools, the
// present and reader views, nor the home page's templates (PARTICIPANT_JS_CEILING_KB).
// Each comes with its words: the `pages` part of the catalogs (client/src/i18n/i18n.ts).
const withWords = <T,>(page: Promise<T>): Promise<T> => Promise.all([page, loadPageMessages()]).then(([m]) => m);
const FacilitatorPage = lazy(() => withWords(import('./pages/FacilitatorPage')));
const HomePage = lazy(() => withWords(import('./pages/HomePage')));
const PresentPage = lazy(() => withWords(import('./pages/present/PresentPage')));
const ReaderPage = lazy(() => withWords(import('./pages/reader/ReaderPage')));

/**
 * What each lazy page says while it loads: whole sentences, in the `board` part of the catalogs
 * (the `pages` part arrives with the page itself).
 */
const LOADING = {
  home: 'app.loading.home',
  facilitator: 'app.loading.facilitator',
  present: 'app.loading.present',
  reader: 'app.loading.reader',
} as const satisfies Readonly<Record<string, MessageKey>>;

function Loading({ page }: { readonly page: keyof typeof LOADING }) {
  const t = useT();
  return (
    <main className="page page--narrow" aria-busy="true">
      <p>{t(LOADING[page])}</p>
    </main>
  );
}

function CurrentPage() {
  const route = matchRoute(usePathname());
  switch (route.name) {
    case 'home':
      return (
        <Suspense fallback={<Loading page="home" />}>
          <HomePage />
        </Suspense>
      );
    case 'join':
      return <JoinPage code={route.code} />;
    case 'participant':
      return <ParticipantPage key={route.boardId} boardId={route.boardId} />;
    case 'facilitator':
      return (
        <Suspense fallback={<Loading page="facilitator" />}>
          <FacilitatorPage key={route.boardId} boardId={route.boardId} />
        </Suspense>
      );
    case 'present':
      return (
        <Suspense fallback={<Loading page="present" />}>
          <PresentPage key={route.boardId} boardId={route.boardId} />
        </Suspense>
      );
    case 'reader':
      return (
        <Suspense fallback={<Loading page="reader" />}>
          <ReaderPage key={route.boardId} boardId={route.boardId} />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundPage />;
  }
}

/**
 * Every page but the projector's ends with the language menu: each person reads the interface in
 * their own language (a projector shows the facilitator's).
 */
function PageFooter() {
  const route = matchRoute(usePathname());
  if (route.name === 'present') return null;
  return (
    <footer className="page-footer">
      <LanguagePicker />
    </footer>
  );
}

export function App() {
  return (
    <>
      <CurrentPage />
      <PageFooter />
      <Toasts />
    </>
  );
}
