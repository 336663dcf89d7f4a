// Hooks that load API resources and follow the server's live events.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get } from './api';
import type { ServerEvent } from './types';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads `path` (nothing while it is null), again whenever it changes or `reload` is called. */
export function useResource<T>(path: string | null): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) {
      return;
    }
    const abort = new AbortController();
    setLoading(true);
    get<T>(path, abort.signal).then(
      (value) => {
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (abort.signal.aborted) {
          return;
        }
        setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) }));
        setLoading(false);
      },
    );
    return () => abort.abort();
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}

/** How long to wait before opening the event stream again after the server refused it, in milliseconds. */
const RETRY_MS = 5000;

type EventListener = (event: ServerEvent) => void;
const eventListeners = new Set<EventListener>();
let source: EventSource | null = null;
const connectedListeners = new Set<(connected: boolean) => void>();

function openSource(): void {
  if (source) {
    return;
  }
  source = new EventSource('/api/v1/events');
  const deliver = (message: MessageEvent<string>) => {
    let event: ServerEvent;
    try {
      event = JSON.parse(message.data) as ServerEvent;
    } catch {
      return;
    }
    eventListeners.forEach((listener) => listener(event));
  };
  // Each event is named by its topic; the names are not known ahead, so listen to the ones the console uses.
  for (const topic of TOPICS) {
    source.addEventListener(topic, deliver as (event: Event) => void);
  }
  source.onopen = () => connectedListeners.forEach((listener) => listener(true));
  source.onerror = () => {
    connectedListeners.forEach((listener) => listener(false));
    // The browser retries by itself after a network error, but gives up on an HTTP error (such as 401 or 503).
    if (source?.readyState === EventSource.CLOSED) {
      source = null;
      window.setTimeout(() => {
        if (eventListeners.size > 0) {
          openSource();
        }
      }, RETRY_MS);
    }
  };
}

function closeSourceIfUnused(): void {
  if (source && eventListeners.size === 0) {
    source.close();
    source = null;
  }
}

/** The topics the console follows. */
export const TOPICS = [
  'org/deckhand/library/scan/STARTED',
  'org/deckhand/library/scan/PROGRESS',
  'org/deckhand/library/scan/COMPLETED',
  'org/deckhand/library/file/ADDED',
  'org/deckhand/library/file/REMOVED',
  'org/deckhand/analysis/queue/PROGRESS',
  'org/deckhand/analysis/track/COMPLETED',
  'org/deckhand/analysis/track/FAILED',
  'org/deckhand/plugins/CHANGED',
  'org/deckhand/mixer/mix/STARTED',
  'org/deckhand/mixer/mix/TRACK_CHANGED',
  'org/deckhand/mixer/mix/PLAN_CHANGED',
  'org/deckhand/mixer/mix/STOPPED',
  'org/deckhand/mixer/render/PROGRESS',
  'org/deckhand/mixer/render/COMPLETED',
  'org/deckhand/mixer/render/FAILED',
];

/** Calls `listener` for every server event while the component is mounted; one stream serves the whole console. */
export function useServerEvents(listener: EventListener): boolean {
  const latest = useRef(listener);
  latest.current = listener;
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const forward: EventListener = (event) => latest.current(event);
    eventListeners.add(forward);
    connectedListeners.add(setConnected);
    openSource();
    if (source?.readyState === EventSource.OPEN) {
      setConnected(true);
    }
    return () => {
      eventListeners.delete(forward);
      connectedListeners.delete(setConnected);
      closeSourceIfUnused();
    };
  }, []);
  return connected;
}

/** Ends the event stream, when the user signs out. */
export function closeServerEvents(): void {
  source?.close();
  source = null;
}

/** Calls `action` at most once per `millis`, the last call always coming through. */
export function useThrottled(action: () => void, millis: number): () => void {
  const latest = useRef(action);
  latest.current = action;
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current === undefined) {
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        latest.current();
      }, millis);
    }
  }, [millis]);
}

/** Calls `action` every `millis` while the component is mounted and the browser tab is visible. */
export function usePolling(action: () => void, millis: number): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        latest.current();
      }
    }, millis);
    return () => window.clearInterval(timer);
  }, [millis]);
}
