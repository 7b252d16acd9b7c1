/**
 * The first page's own request, started from its address while the app is still starting: on
 * a need's page the need, on the front page the search, asked for at once beside the page's
 * chunk and the session, rather than after the chunk has loaded and the page has rendered
 * (Lighthouse's largest contentful paint, scripts/lighthouse.sh). The page's query takes the answer over (`early`) and asks the
 * server itself when there is none, or when it is older than a few seconds.
 */
import { api } from '../api/client';
import type { Lang } from './i18n';

const MAX_AGE_MS = 10_000;
const started = new Map<string, { at: number; promise: Promise<unknown> }>();

export const needRequest = (id: string) => api.get('/api/needs/{id}/', { params: { id } });
export const needRequestKey = (id: string, lang: Lang) => `need:${id}:${lang}`;

/** The search page's results per page. */
export const SEARCH_PAGE_SIZE = 20;
/** The search the page at `?…` asks for: the address's parameters that have a value. */
export function searchQueryOf(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = { page_size: String(SEARCH_PAGE_SIZE) };
  params.forEach((value, key) => {
    if (value) query[key] = value;
  });
  return query;
}
export const searchRequest = (query: Record<string, string>, signal?: AbortSignal) => api.get('/api/search/', { query, signal });
export const searchRequestKey = (query: Record<string, string>, lang: Lang) => `search:${lang}:${new URLSearchParams(query).toString()}`;

function start(key: string, request: () => Promise<unknown>): void {
  const promise = request();
  promise.catch(() => undefined); // the page's query reports a failure when it takes the answer
  started.set(key, { at: Date.now(), promise });
}

/** Starts the request of the page at `pathname`, if it has one (before the first render). */
export function startEarlyRequests(pathname: string, search: string, lang: Lang): void {
  if (pathname === '/') {
    const query = searchQueryOf(new URLSearchParams(search));
    start(searchRequestKey(query, lang), () => searchRequest(query));
  }
  const need = /^\/needs\/(\d+)\/?$/.exec(pathname)?.[1];
  if (need) start(needRequestKey(need, lang), () => needRequest(need));
}

/** The answer of a request started early under `key` (once), or `request()`. */
export function early<T>(key: string, request: () => Promise<T>): Promise<T> {
  const entry = started.get(key);
  started.delete(key);
  return entry && Date.now() - entry.at < MAX_AGE_MS ? (entry.promise as Promise<T>) : request();
}
