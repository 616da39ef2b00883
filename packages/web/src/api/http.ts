import { Problem } from '@glia/contracts';
import { ApiError, NETWORK_STATUS } from './api-error.ts';

/** The part of a Zod schema (from @glia/contracts) the client needs: a safe parse. */
export interface ResponseSchema<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }> } };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T> {
  /** Zod schema of the success body from @glia/contracts; the response is checked against it. */
  schema?: ResponseSchema<T>;
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function problemFromStatus(status: number, title: string): Problem {
  const code: Problem['code'] =
    status === 401 ? 'UNAUTHENTICATED'
    : status === 403 ? 'FORBIDDEN'
    : status === 404 ? 'NOT_FOUND'
    : status === 409 ? 'CONFLICT'
    : status === 429 ? 'RATE_LIMITED'
    : status >= 400 && status < 500 ? 'VALIDATION'
    : 'INTERNAL';
  return { type: 'about:blank', title, status, code };
}

const PROBLEM_MEMBERS = new Set(Object.keys(Problem.shape));

async function readProblem(response: Response, label: string): Promise<ApiError> {
  const fallback = problemFromStatus(response.status, response.statusText || `Request failed (${response.status})`);
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return new ApiError(fallback, label);
  try {
    const raw: unknown = await response.json();
    const parsed = Problem.safeParse(raw);
    if (!parsed.success || raw === null || typeof raw !== 'object') return new ApiError(fallback, label);
    const extensions = Object.fromEntries(Object.entries(raw).filter(([key]) => !PROBLEM_MEMBERS.has(key)));
    return new ApiError(parsed.data, label, extensions);
  } catch {
    return new ApiError(fallback, label);
  }
}

/**
 * One JSON request to the Glia API (same origin, session cookie). Resolves with the body checked
 * against the contract schema; rejects with ApiError carrying the server's problem+json.
 */
export async function apiRequest<T = void>(method: Method, path: string, options: RequestOptions<T> = {}): Promise<T> {
  const label = `${method} ${path}`;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Cannot reach the Glia server',
        status: NETWORK_STATUS,
        code: 'INTERNAL',
        detail: 'Cannot reach the Glia server. Check the network connection and try again.',
      },
      label,
    );
  }

  if (!response.ok) throw await readProblem(response, label);
  if (!options.schema || response.status === 204) return undefined as T;

  const parsed = options.schema.safeParse(await response.json());
  if (!parsed.success) {
    // Paths only: values may be patient data and must not reach the console.
    console.error(`Unexpected response shape from ${label}:`, parsed.error.issues.map((i) => i.path.map(String).join('.')).join(', '));
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Unexpected response',
        status: response.status,
        code: 'INTERNAL',
        detail: 'The server sent a response this version of Glia does not understand. Reload the page; if it persists, tell your administrator.',
      },
      label,
    );
  }
  return parsed.data;
}
