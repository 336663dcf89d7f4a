// Calls to Deckhand's REST API at /api/v1, signed in by the session cookie.
//
// Every request carries `X-Requested-With: deckhand`: the server refuses a cookie-authenticated request that changes
// something without it (a guard against cross-site request forgery), and it tells the server that the caller is the
// console rather than a plain browser navigation.

export const API = '/api/v1';

/** An RFC 9457 problem document, as the server sends for every error. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
}

/** A failed request: the problem the server described, or one made up from the status when it sent none. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Calls `listener` whenever a request finds the session gone (401); returns the function that stops it. */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export interface RequestOptions {
  method?: string;
  body?: BodyInit | object | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Whether a 401 means "the session ended" (the default), rather than "these credentials are wrong". */
  session?: boolean;
}

/** Sends a request to `API + path` and returns its JSON body, or undefined for an empty one. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { 'X-Requested-With': 'deckhand', Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof Blob || options.body instanceof ArrayBuffer || typeof options.body === 'string') {
    body = options.body;
  } else if (options.body != null) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  Object.assign(headers, options.headers);
  let response: Response;
  try {
    response = await fetch(API + path, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError({ status: 0, title: 'The server does not answer', detail: `${path}: ${String(error)}` });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && options.session !== false) {
      signedOutListeners.forEach((listener) => listener());
    }
    throw new ApiError(problem);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, title: response.statusText || `HTTP ${response.status}` };
  try {
    const text = await response.text();
    if (!text) {
      return fallback;
    }
    const parsed = JSON.parse(text) as Partial<Problem>;
    return { ...fallback, ...parsed, status: response.status };
  } catch {
    return fallback;
  }
}

export const get = <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal });
export const post = <T>(path: string, body?: RequestOptions['body'], headers?: Record<string, string>) =>
  request<T>(path, { method: 'POST', body, headers });
export const put = <T>(path: string, body: object) => request<T>(path, { method: 'PUT', body });
export const del = <T>(path: string) => request<T>(path, { method: 'DELETE' });

/** Builds a query string from the parameters that have a value. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
