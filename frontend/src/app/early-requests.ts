/**
 * The first page's own request, started from its address while the app is still starting: on
 * a need's page the need is asked for at once beside the page's chunk and the session, rather
 * than after the chunk has loaded and the page has rendered (Lighthouse's largest contentful
 * paint, scripts/lighthouse.sh). The page's query takes the answer over (`early`) and asks the
 * server itself when there is none, or when it is older than a few seconds. Not the front page's
 * search: its page is in the first chunk, and with its results there before the first render the
 * front page measured worse (median 89 against 94, 3 runs each, scripts/lighthouse.sh).
 */
import { api } from '../api/client';
import type { Lang } from './i18n';

const MAX_AGE_MS = 10_000;
const started = new Map<string, { at: number; promise: Promise<unknown> }>();

export const needRequest = (id: string) => api.get('/api/needs/{id}/', { params: { id } });
export const needRequestKey = (id: string, lang: Lang) => `need:${id}:${lang}`;

function start(key: string, request: () => Promise<unknown>): void {
  const promise = request();
  promise.catch(() => undefined); // the page's query reports a failure when it takes the answer
  started.set(key, { at: Date.now(), promise });
}

/** Starts the request of the page at `pathname`, if it has one (before the first render). */
export function startEarlyRequests(pathname: string, lang: Lang): void {
  const need = /^\/needs\/(\d+)\/?$/.exec(pathname)?.[1];
  if (need) start(needRequestKey(need, lang), () => needRequest(need));
}

/** The answer of a request started early under `key` (once), or `request()`. */
export function early<T>(key: string, request: () => Promise<T>): Promise<T> {
  const entry = started.get(key);
  started.delete(key);
  return entry && Date.now() - entry.at < MAX_AGE_MS ? (entry.promise as Promise<T>) : request();
}
