import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import { SearchPage } from './search-page';

const result = {
  total: 2,
  page: 1,
  page_size: 20,
  suggestion: null,
  suggestion_hits: null,
  relaxation: 'all',
  semantic: false,
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

  it('says nothing more when all the words found enough', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': result });
    renderRoute(<SearchPage />, { route: '/?q=fall' });
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent('2 treff'));
    expect(screen.getByTestId('relaxation')).toBeEmptyDOMElement();
    expect(screen.queryByTestId('did-you-mean')).toBeNull();
  });

  it.each([
    ['most', 'Viser treff på noen av ordene'],
    ['any', 'Viser treff på noen av ordene'],
    ['semantic', 'Få eller ingen treff på ordene – viser også treff med lignende betydning'],
  ])('says so when the search relaxed to %s', async (relaxation, notice) => {
    mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': { ...result, relaxation } });
    renderRoute(<SearchPage />, { route: '/?q=lekkasje+vann+kjeller' });
    await waitFor(() => expect(screen.getByTestId('relaxation')).toHaveTextContent(notice));
  });

  it('offers a suggestion with its hit count as a link that runs it', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': anonymousSession,
      '/api/search/': (url: URL) => ({
        body: url.searchParams.get('q') === 'velferdsteknologj helse' ? { ...result, total: 1, suggestion: 'velferdsteknologi helse', suggestion_hits: 12 } : result,
      }),
    });
    renderRoute(<SearchPage />, { route: '/?q=velferdsteknologj+helse&county=46&page=2' });
    const link = await screen.findByRole('link', { name: 'Mente du «velferdsteknologi helse»? (12 treff)' });
    expect(link).toHaveAttribute('href', '/?q=velferdsteknologi+helse&county=46');
    await userEvent.click(link);
    await waitFor(() => expect(calls.some((c) => c.url.searchParams.get('q') === 'velferdsteknologi helse' && c.url.searchParams.get('county') === '46')).toBe(true));
    expect(screen.getByLabelText('Søkeord')).toHaveValue('velferdsteknologi helse');
    await waitFor(() => expect(screen.queryByTestId('did-you-mean')).toBeNull());
  });

  it('renders in English', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': result });
    renderRoute(<SearchPage />, { lang: 'en' });
    expect(await screen.findByText('2 results')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Search needs, solutions and dialogue conferences');
  });

  it('speaks English when the search relaxes or suggests', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': { ...result, relaxation: 'any', suggestion: 'fallalarm', suggestion_hits: 4 } });
    renderRoute(<SearchPage />, { route: '/?q=falalarm+hjemme', lang: 'en' });
    expect(await screen.findByRole('link', { name: 'Did you mean “fallalarm”? (4 results)' })).toBeInTheDocument();
    expect(screen.getByTestId('relaxation')).toHaveTextContent('Showing results for some of your words');
  });

  describe('on a phone', () => {
    // The page's one-column width (search-filters.tsx NARROW_SEARCH) matches.
    const phone = (query: string) => ({ matches: query.includes('max-width'), media: query, addEventListener: () => undefined, removeEventListener: () => undefined });
    beforeEach(() => vi.stubGlobal('matchMedia', phone));

    it('shows the results first and the filters behind a button with the number of active filters', async () => {
      mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': result });
      renderRoute(<SearchPage />, { route: '/?q=fall&county=46&semantic=true' });
      expect(await screen.findByRole('link', { name: 'Færre fall hjemme' })).toBeInTheDocument();
      expect(screen.queryByRole('complementary', { name: 'Filtrer' })).toBeNull();
      expect(screen.queryByRole('group', { name: 'Fylke' })).toBeNull();
      const button = await screen.findByRole('button', { name: 'Filtrer (aktive filtre: 2)' });
      expect(button).toHaveAttribute('aria-haspopup', 'dialog');
      await userEvent.click(button);
      const dialog = await screen.findByRole('dialog', { name: 'Filtrer' });
      expect(within(dialog).getByRole('group', { name: 'Fylke' })).toBeInTheDocument();
      expect(within(dialog).getByLabelText('Vestland (2)')).toBeChecked();
      await userEvent.click(within(dialog).getByRole('button', { name: 'Vis 2 treff' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    });

    it('clears the filters but keeps the words', async () => {
      const { calls } = mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': result });
      renderRoute(<SearchPage />, { route: '/?q=fall&county=46' });
      await userEvent.click(await screen.findByRole('button', { name: 'Filtrer (aktive filtre: 1)' }));
      await userEvent.click(await screen.findByRole('button', { name: 'Fjern alle filtre' }));
      await waitFor(() => expect(calls.at(-1)?.url.searchParams.has('county')).toBe(false));
      expect(calls.at(-1)?.url.searchParams.get('q')).toBe('fall');
      expect(screen.getByRole('button', { name: 'Filtrer' })).toBeInTheDocument();
    });
  });

  it('takes "Neste" to the top of the results, with focus there', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession, '/api/search/': { ...result, total: 45 } });
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    renderRoute(<SearchPage />, { route: '/?q=fall' });
    await userEvent.click(await screen.findByRole('button', { name: 'Neste' }));
    const heading = screen.getByRole('heading', { name: 'Treff', level: 2 });
    expect(heading).toHaveFocus();
    expect(scrolled).toContain(heading);
    await waitFor(() => expect(calls.some((c) => c.url.searchParams.get('page') === '2')).toBe(true));
  });
});
