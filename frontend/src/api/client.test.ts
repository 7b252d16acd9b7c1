import { ApiError, api, apiPath, setApiLanguage, setCsrfToken, buildUrl } from './client';
import { mockFetch } from '../test/render';

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends CSRF token and language on unsafe methods, same-origin credentials', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': () => ({ status: 200, body: { user: null, csrf_token: 'x' } }) });
    setCsrfToken('abc');
    setApiLanguage('en');
    await api.post('/api/auth/session/', { email: 'a@b.no', password: 'x' });
    const init = calls[0]?.init;
    const headers = init?.headers as Record<string, string>;
    expect(headers['X-CSRFToken']).toBe('abc');
    expect(headers['Accept-Language']).toBe('en');
    expect(init?.credentials).toBe('same-origin');
    setApiLanguage('nb');
  });

  it('does not send CSRF on GET and drops empty query values', async () => {
    const { calls } = mockFetch({ '/api/needs/': { count: 0, results: [] } });
    await api.get('/api/needs/', { query: { status: 'published', empty: '' } });
    expect((calls[0]?.init?.headers as Record<string, string>)['X-CSRFToken']).toBeUndefined();
    expect(calls[0]?.url.search).toBe('?status=published');
  });

  it('fills path parameters from the schema path', () => {
    expect(apiPath('/api/needs/{id}/publish/', { id: 12 })).toBe('/api/needs/12/publish/');
    expect(() => apiPath('/api/needs/{id}/', {})).toThrow();
  });

  it('turns DRF errors into ApiError with field errors', async () => {
    mockFetch({ '/api/auth/register/': () => ({ status: 400, body: { email: ['Påkrevd.'], non_field_errors: ['Nei'] } }) });
    const err = await api.post('/api/auth/register/', { email: '', password: '', full_name: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).fieldErrors).toEqual({ email: ['Påkrevd.'], non_field_errors: ['Nei'] });
  });

  it('lists errors inside lists and objects under their field, as text', async () => {
    const body = {
      participants: [{}, { name: ['For lang.'], email: ['Ugyldig.'] }],
      cpv_codes: { '2': ['99999999 er ikke en CPV-kode.'] },
      filters: { county: { '0': ['«99» er ikke en verdi.'] } },
    };
    mockFetch({ '/api/needs/': () => ({ status: 400, body }) });
    const err = (await api.post('/api/needs/', {} as never).catch((e: unknown) => e)) as ApiError;
    expect(err.fieldErrors).toEqual({
      participants: ['For lang.', 'Ugyldig.'],
      cpv_codes: ['99999999 er ikke en CPV-kode.'],
      filters: ['«99» er ikke en verdi.'],
    });
  });

  it('exposes the detail of a request too large (413)', async () => {
    mockFetch({ '/api/responses/': () => ({ status: 413, body: { detail: 'Forespørselen er for stor.' } }) });
    const err = (await api.post('/api/responses/', {} as never).catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(413);
    expect(err.detail).toBe('Forespørselen er for stor.');
    expect(err.fieldErrors).toEqual({});
  });

  it('exposes detail for 503', async () => {
    mockFetch({ '/api/search/': () => ({ status: 503, body: { detail: 'Søk er nede' } }) });
    const err = (await api.get('/api/search/').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(503);
    expect(err.detail).toBe('Søk er nede');
  });

  it('builds query strings with repeated params', () => {
    expect(buildUrl('/x', { a: ['1', '2'], b: undefined, c: 0 })).toBe('/x?a=1&a=2&c=0');
  });
});
