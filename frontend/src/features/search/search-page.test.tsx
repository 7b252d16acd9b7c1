import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import { SearchPage } from './search-page';

const result = {
  total: 2,
  page: 1,
  page_size: 20,
  suggestion: null,
  results: [
    { type: 'need', id: 7, title: 'Færre fall hjemme', score: 3.2, highlights: ['Vi vil ha færre <em>fall</em> blant eldre'], organization_name: 'Bergen kommune', deadline: '2026-12-01T11:00:00Z' },
    { type: 'solution', id: 3, title: 'Fallvarsling', score: 2.1, highlights: [], organization_name: 'Helsetek AS' },
  ],
  facets: { kind: [{ value: 'need', label: 'Behov', count: 1 }, { value: 'solution', label: 'Løsning', count: 1 }], county: [{ value: '46', label: 'Vestland', count: 2 }] },
};

describe('SearchPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows results with highlighted snippets, facets and an announced count', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': result, '/api/search/autocomplete/': { suggestions: [] } });
    renderRoute(<SearchPage />, { route: '/?q=fall' });
    expect(await screen.findByRole('link', { name: 'Færre fall hjemme' })).toHaveAttribute('href', '/needs/7');
    expect(screen.getByRole('link', { name: 'Fallvarsling' })).toHaveAttribute('href', '/solutions/3');
    expect(screen.getByTestId('result-count')).toHaveTextContent('2 treff');
    expect(document.querySelector('.snippet mark')?.textContent).toBe('fall');
    expect(screen.getByText(/1\. desember 2026/)).toBeInTheDocument();
    const county = screen.getByRole('group', { name: 'Fylke' });
    expect(within(county).getByLabelText('Vestland (2)')).toBeInTheDocument();
    expect(calls.find((c) => c.url.pathname === '/api/search/')?.url.searchParams.get('q')).toBe('fall');
  });

  it('filters by a facet through the URL', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': result });
    renderRoute(<SearchPage />, { route: '/?q=fall' });
    await userEvent.click(await screen.findByLabelText('Vestland (2)'));
    await waitFor(() => expect(calls.some((c) => c.url.searchParams.get('county') === '46')).toBe(true));
  });

  it('shows an empty state', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': { ...result, total: 0, results: [], facets: {} } });
    renderRoute(<SearchPage />);
    expect(await screen.findByText(/Ingen treff/)).toBeInTheDocument();
  });

  it('shows a clear error when search is down (503)', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': () => ({ status: 503, body: { detail: 'Elasticsearch svarer ikke' } }) });
    renderRoute(<SearchPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/midlertidig utilgjengelig/);
  });

  it('renders in English', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': result });
    renderRoute(<SearchPage />, { lang: 'en' });
    expect(await screen.findByText('2 results')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Search needs, solutions and dialogue conferences');
  });
});
