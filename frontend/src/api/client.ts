/**
 * Thin typed HTTP client for the Django API: same-origin session auth,
 * CSRF header on unsafe methods, Accept-Language from the language switch,
 * and DRF-style errors turned into ApiError.
 */
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, body: unknown, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get detail(): string | undefined {
    if (this.body && typeof this.body === 'object' && 'detail' in this.body) {
      const d = (this.body as { detail: unknown }).detail;
      return typeof d === 'string' ? d : undefined;
    }
    return undefined;
  }

  get fieldErrors(): FieldErrors {
    if (this.status !== 400 || !this.body || typeof this.body !== 'object' || Array.isArray(this.body)) return {};
    const out: FieldErrors = {};
    for (const [key, value] of Object.entries(this.body as Record<string, unknown>)) {
      if (Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      else if (typeof value === 'string') out[key] = [value];
    }
    return out;
  }
}

let csrfToken: string | null = null;
let language = 'nb';

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

function cookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : null;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined | readonly (string | number)[]>;

export function buildUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, String(v)));
    else search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function request<T>(
  method: string,
  path: string,
  options: { params?: QueryParams; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const token = cookie('csrftoken') ?? csrfToken;
    if (token) headers['X-CSRFToken'] = token;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.params), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, null, 'network');
  }
  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const body: unknown = isJson ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) throw new ApiError(response.status, body, `HTTP ${response.status}`);
  return body as T;
}

export const api = {
  get: <T>(path: string, params?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { params, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
