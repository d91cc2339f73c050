/**
 * The one way the SPA talks to the server: JSON over fetch with the session cookie, the CSRF token
 * on every write, and errors as `ApiError` carrying the server's stable code and Vietnamese message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Listeners told when the server answers 401 (the session expired): the app shows the sign-in page. */
const unauthorisedListeners = new Set<() => void>();
export function onUnauthorised(listener: () => void): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/plans` + `{ page: 2, q: undefined }` → `/api/plans?page=2` (empty values left out). */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

/**
 * The answers the server put inside index.html for this page's first GETs (src/server/first-page.ts),
 * by URL, status and body as the API gave them: each serves one request, within the first 30 s (the
 * queries' staleTime; later the list is asked again anyway), and none survives a sign-in or sign-out
 * (dropFirstAnswers).
 */
interface FirstAnswer {
  status: number;
  body: unknown;
}
const firstAnswers = readFirstAnswers();
const FIRST_ANSWERS_MS = 30_000;

function readFirstAnswers(): Map<string, FirstAnswer> {
  const text =
    typeof document === 'undefined' ? null : document.getElementById('dondoc-first-answers')?.textContent;
  if (!text) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(text) as Record<string, FirstAnswer>));
  } catch {
    return new Map();
  }
}

export function dropFirstAnswers(): void {
  firstAnswers.clear();
}

function takeFirstAnswer(url: string): FirstAnswer | undefined {
  if (firstAnswers.size === 0) return undefined;
  if (performance.now() > FIRST_ANSWERS_MS) {
    firstAnswers.clear();
    return undefined;
  }
  const answer = firstAnswers.get(url);
  firstAnswers.delete(url);
  return answer;
}

/** The server's refusal as an ApiError; a 401 outside signing in tells the listeners the session ended. */
function failure(status: number, data: unknown, path: string): ApiError {
  const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (status === 401 && path !== '/auth/login' && path !== '/auth/session') {
    for (const listener of unauthorisedListeners) listener();
  }
  return new ApiError(
    status,
    error?.code ?? 'HTTP_ERROR',
    error?.message ?? `Máy chủ trả lỗi ${status}.`,
    error?.details,
  );
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const first = method === 'GET' ? takeFirstAnswer(apiUrl(path, query)) : undefined;
  if (first) {
    if (first.status >= 200 && first.status < 300) return first.body as T;
    throw failure(first.status, first.body, path);
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw failure(response.status, data, path);
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** multipart upload (files and fields) */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

/** A paged list as every list endpoint answers it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
