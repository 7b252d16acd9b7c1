import type { paths } from './generated/schema';

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

  /** The messages per top-level field; errors inside lists and objects (a participant's
   * name, the third CPV code) are listed under the field that holds them, as text. */
  get fieldErrors(): FieldErrors {
    if (this.status !== 400 || !this.body || typeof this.body !== 'object' || Array.isArray(this.body)) return {};
    const out: FieldErrors = {};
    for (const [key, value] of Object.entries(this.body as Record<string, unknown>)) {
      const messages = messagesIn(value);
      if (messages.length > 0) out[key] = messages;
    }
    return out;
  }
}

/** Every message string inside a DRF error value, in order. */
export function messagesIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(messagesIn);
  if (value && typeof value === 'object') return Object.values(value as Record<string, unknown>).flatMap(messagesIn);
  return [];
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

type PathParams = Record<string, string | number>;
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type PathsWith<M extends Method> = { [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never }[keyof paths];
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
type Success<O> = O extends { responses: infer Rs }
  ? 200 extends keyof Rs
    ? JsonOf<Rs[200]>
    : 201 extends keyof Rs
      ? JsonOf<Rs[201]>
      : undefined
  : never;
type BodyOf<O> = O extends { requestBody?: infer RB } ? (NonNullable<RB> extends { content: { 'application/json': infer B } } ? B : undefined) : undefined;
type Op<P extends keyof paths, M extends Method> = paths[P] extends { [K in M]: infer O } ? O : never;

/** Response type of an operation, straight from the OpenAPI schema. */
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> = Success<Op<P, M>>;
export type ApiBody<P extends keyof paths, M extends Method> = BodyOf<Op<P, M>>;

/** Fills `{id}`-style path parameters; the template must be a path in the schema. */
export function apiPath<P extends keyof paths>(template: P, params: PathParams = {}): string {
  return (template as string).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

type Opts = { params?: PathParams; query?: QueryParams; signal?: AbortSignal };

/**
 * Typed against the generated schema (src/api/generated/schema.ts): the path must exist
 * for the method, the body must match the request schema, and the result has the
 * response schema's type. A backend change that breaks the UI fails `npm run typecheck`.
 */
export const api = {
  get: <P extends PathsWith<'get'>>(path: P, opts: Opts = {}) =>
    request<Success<Op<P, 'get'>>>('GET', apiPath(path, opts.params), { params: opts.query, signal: opts.signal }),
  post: <P extends PathsWith<'post'>>(path: P, body: BodyOf<Op<P, 'post'>>, opts: Opts = {}) =>
    request<Success<Op<P, 'post'>>>('POST', apiPath(path, opts.params), { body: body ?? {} }),
  patch: <P extends PathsWith<'patch'>>(path: P, body: BodyOf<Op<P, 'patch'>>, opts: Opts = {}) =>
    request<Success<Op<P, 'patch'>>>('PATCH', apiPath(path, opts.params), { body }),
  put: <P extends PathsWith<'put'>>(path: P, body: BodyOf<Op<P, 'put'>>, opts: Opts = {}) =>
    request<Success<Op<P, 'put'>>>('PUT', apiPath(path, opts.params), { body }),
  delete: <P extends PathsWith<'delete'>>(path: P, opts: Opts = {}) => request<undefined>('DELETE', apiPath(path, opts.params)),
};
