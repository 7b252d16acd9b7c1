import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { makeQueryClient, Providers } from '../app/providers';
import type { Lang } from '../app/i18n';

type Handler = (url: URL, init: RequestInit | undefined) => { status?: number; body?: unknown; headers?: Record<string, string> };

/** Stubs window.fetch: the first handler whose pattern matches the path answers. */
export function mockFetch(routes: Record<string, Handler | unknown>) {
  const calls: { url: URL; init: RequestInit | undefined }[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    calls.push({ url, init });
    const key = Object.keys(routes).find((k) => (k.endsWith('*') ? url.pathname.startsWith(k.slice(0, -1)) : url.pathname === k));
    if (!key) return new Response(JSON.stringify({ detail: 'Not found.' }), { status: 404, headers: { 'content-type': 'application/json' } });
    const route = routes[key];
    const out = typeof route === 'function' ? (route as Handler)(url, init) : { body: route };
    return new Response(out.body === undefined ? null : JSON.stringify(out.body), {
      status: out.status ?? 200,
      headers: { 'content-type': 'application/json', ...(out.headers ?? {}) },
    });
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}

export const anonymousSession = { user: null, csrf_token: 'tok' };

export function renderRoute(element: ReactElement, { path = '/', route = '/', lang = 'nb' as Lang } = {}) {
  const router = createMemoryRouter([{ path, element }], { initialEntries: [route] });
  return render(
    <Providers client={makeQueryClient()} lang={lang}>
      <RouterProvider router={router} />
    </Providers>,
  );
}
