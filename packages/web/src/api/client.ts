/**
 * Typed fetch client for the Kith API (/api/v1). Failures arrive as RFC 9457 problem documents
 * and are thrown as ApiError, so pages can show the field errors in an error summary.
 */
export interface FieldError {
  field: string;
  reason: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** Why the access policy refused a request (a 403), such as `no_relationship`. */
  accessCode?: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/** Called whenever the API answers 401: the session has ended (expired or signed out elsewhere). */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

export type QueryValue = string | number | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Sign-in and "who am I" expect 401 as an answer, not as a session that ended. */
  unauthorisedIsAnswer?: boolean;
  signal?: AbortSignal;
}

/**
 * The session's CSRF token, from the sign-in and "who am I" answers; every state-changing
 * request sends it back. Held in memory only: a reload asks "who am I" again.
 */
let csrfToken: string | undefined;

function rememberCsrfToken(body: unknown) {
  if (body && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string') {
    csrfToken = body.csrfToken;
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if ((options.method ?? 'GET') !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(apiUrl(path, options.query), {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (response.ok) {
    const body: unknown = response.status === 204 ? undefined : await response.json();
    rememberCsrfToken(body);
    return body as T;
  }
  const problem = await problemOf(response);
  if (response.status === 401 && !options.unauthorisedIsAnswer) {
    for (const listener of sessionEndedListeners) listener();
  }
  throw new ApiError(problem);
}

/** Leaves out empty query values, so "no criterion" is never sent as an empty string. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function problemOf(response: Response): Promise<Problem> {
  const fallback: Problem = { title: response.statusText || 'Request failed', status: response.status };
  if (!/json/.test(response.headers.get('content-type') ?? '')) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: response.status };
  } catch {
    return fallback;
  }
}
