// The console's shell: signs the user in, then shows the navigation and the page that the path names.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, del, onSignedOut, request } from './lib/api';
import { closeServerEvents } from './lib/hooks';
import { followLink, navigate, useLocation } from './lib/router';
import { useTheme } from './lib/theme';
import type { Session } from './lib/types';
import { Browse } from './pages/Browse';
import { Crates } from './pages/Crates';
import { Dashboard } from './pages/Dashboard';
import { Duplicates } from './pages/Duplicates';
import { Library } from './pages/Library';
import { Logs } from './pages/Logs';
import { MixDetailPage, MixerPage } from './pages/MixerPages';
import { NotFound } from './pages/NotFound';
import { Notifications } from './pages/Notifications';
import { Plugins } from './pages/Plugins';
import { Problems } from './pages/Problems';
import { Queue } from './pages/Queue';
import { Renamer } from './pages/Renamer';
import { Settings } from './pages/Settings';
import { SignIn } from './pages/SignIn';
import { TrackDetail } from './pages/TrackDetail';
import { TracklistPage } from './pages/TracklistPage';
import { Tracklists } from './pages/Tracklists';

const NAVIGATION = [
  { path: '/', label: 'Dashboard' },
  { path: '/library', label: 'Library' },
  { path: '/browse', label: 'Browse' },
  { path: '/crates', label: 'Crates' },
  { path: '/duplicates', label: 'Duplicates' },
  { path: '/mixes', label: 'Mixer' },
  { path: '/tracklists', label: 'Tracklists' },
  { path: '/queue', label: 'Analysis queue' },
  { path: '/renamer', label: 'Renamer' },
  { path: '/problems', label: 'Problems' },
  { path: '/plugins', label: 'Plugins' },
  { path: '/notifications', label: 'Notifications' },
  { path: '/settings', label: 'Settings' },
  { path: '/logs', label: 'Logs' },
];

type SessionState = { status: 'checking' } | { status: 'signed-out'; reason?: string } | { status: 'signed-in'; session: Session };

export function App() {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const { path, search } = useLocation();
  const [theme, toggleTheme] = useTheme();

  useEffect(() => {
    request<Session>('/session', { session: false }).then(
      (session) => setState({ status: 'signed-in', session }),
      (error: unknown) => setState({ status: 'signed-out',
        reason: error instanceof ApiError && error.status !== 401 ? error.message : undefined }),
    );
    return onSignedOut(() => {
      closeServerEvents();
      setState({ status: 'signed-out', reason: 'The session has ended; sign in again.' });
    });
  }, []);

  useEffect(() => {
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, [path]);

  if (state.status === 'checking') {
    return <p class="splash" role="status">Connecting to Deckhand…</p>;
  }
  if (state.status === 'signed-out') {
    return <SignIn reason={state.reason} onSignedIn={(session) => setState({ status: 'signed-in', session })} />;
  }

  const signOut = async () => {
    try {
      await del('/session');
    } finally {
      closeServerEvents();
      setState({ status: 'signed-out' });
      navigate('/', true);
    }
  };

  return (
    <div class="shell" onClick={followLink}>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="top-bar">
        <a class="brand" href="/">Deckhand</a>
        <nav aria-label="Main">
          <ul>
            {NAVIGATION.map((item) => (
              <li key={item.path}>
                <a href={item.path} aria-current={section(path) === item.path ? 'page' : undefined}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="user">
          <button type="button" class="quiet theme-toggle" onClick={toggleTheme} aria-pressed={theme === 'light'}
            title={theme === 'light' ? 'Switch to the dark theme' : 'Switch to the light theme'}>Light theme</button>
          <span class="who" title={`Signed in with ${state.session.method === 'api-key' ? 'an API key' : 'the password'}`}>
            {state.session.user}
          </span>
          <button type="button" class="quiet" onClick={signOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page path={path} search={search} />
      </main>
    </div>
  );
}

function section(path: string): string {
  if (path.startsWith('/tracks/')) {
    return '/library';
  }
  return NAVIGATION.find((item) => item.path !== '/' && path.startsWith(item.path))?.path ?? path;
}

function Page({ path, search }: { path: string; search: URLSearchParams }) {
  const track = /^\/tracks\/(\d+)\/?$/.exec(path);
  if (track) {
    return <TrackDetail id={Number(track[1])} />;
  }
  const mix = /^\/mixes\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (mix) {
    return <MixDetailPage id={mix[1]} />;
  }
  const crate = /^\/crates\/(\d+)\/?$/.exec(path);
  if (crate) {
    return <Crates id={Number(crate[1])} />;
  }
  const tracklist = /^\/tracklists\/(\d+)\/?$/.exec(path);
  if (tracklist) {
    return <TracklistPage id={Number(tracklist[1])} />;
  }
  switch (path.replace(/\/+$/, '') || '/') {
    case '/':
      return <Dashboard />;
    case '/library':
      return <Library initialQuery={search.get('q') ?? ''} initialSort={search.get('sort') ?? ''} />;
    case '/mixes':
      return <MixerPage search={search} />;
    case '/browse':
      return <Browse search={search} />;
    case '/crates':
      return <Crates />;
    case '/duplicates':
      return <Duplicates />;
    case '/tracklists':
      return <Tracklists />;
    case '/queue':
      return <Queue />;
    case '/renamer':
      return <Renamer />;
    case '/problems':
      return <Problems />;
    case '/plugins':
      return <Plugins />;
    case '/notifications':
      return <Notifications />;
    case '/settings':
      return <Settings />;
    case '/logs':
      return <Logs />;
    default:
      return <NotFound />;
  }
}
