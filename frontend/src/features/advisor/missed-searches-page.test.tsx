import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MissedSearch } from '../../api/types';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import { MissedSearchesPage, searchHref } from './missed-searches-page';

const advisorSession = {
  csrf_token: 't',
  user: { id: 4, email: 'radgiver@lup.no', full_name: 'Rune Rådgiver', roles: ['advisor'], is_advisor: true, memberships: [{ id: 1, organization: { id: 3, name: 'LUP', kind: 'advisory' } }] },
};

const rows: MissedSearch[] = [
  {
    query: 'lekkasje vann',
    filters: [
      { name: 'type', value: 'need', label: 'Behov' },
      { name: 'county', value: '46', label: 'Vestland' },
    ],
    filters_query: 'type=need&county=46',
    semantic: false,
    searches: 14,
    days: 5,
    last_seen: '2026-12-04',
    hits: 0,
    relaxation: 'all',
  },
  { query: 'fall detection', filters: [], filters_query: '', semantic: true, searches: 3, days: 2, last_seen: '2026-11-30', hits: 14, relaxation: 'any' },
];

describe('MissedSearchesPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists what people could not find, most frequent first, each a link to the same search', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': advisorSession, '/api/search/missed/': { count: 2, results: rows } });
    renderRoute(<MissedSearchesPage />);
    const table = await screen.findByRole('table', { name: 'Søk uten treff' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByRole('link', { name: 'Søk etter «lekkasje vann» med de samme filtrene' })).toHaveAttribute('href', '/?q=lekkasje+vann&type=need&county=46');
    expect(within(first!).getByText('Vestland')).toBeInTheDocument();
    expect(within(first!).getByText('14')).toBeInTheDocument();
    expect(within(first!).getByText('4. desember 2026')).toBeInTheDocument();
    expect(within(second!).getByText('Lignende betydning')).toBeInTheDocument();
    expect(within(second!).getByText('(noen av ordene)')).toBeInTheDocument();
    expect(within(first!).queryByText(/ordene/)).toBeNull();
    expect(screen.getByTestId('missed-count')).toHaveTextContent('Ulike søk i perioden: 2');
    expect(calls.find((c) => c.url.pathname === '/api/search/missed/')?.url.searchParams.get('days')).toBe('30');
  });

  it('filters by period', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': advisorSession, '/api/search/missed/': { count: 2, results: rows } });
    renderRoute(<MissedSearchesPage />);
    await userEvent.selectOptions(await screen.findByLabelText('Periode'), 'Siste 7 dager');
    await waitFor(() => expect(calls.some((c) => c.url.searchParams.get('days') === '7')).toBe(true));
  });

  it('takes "Neste" to the top of the list, with focus there', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': advisorSession, '/api/search/missed/': { count: 120, results: rows } });
    renderRoute(<MissedSearchesPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Neste' }));
    await waitFor(() => expect(calls.some((c) => c.url.searchParams.get('page') === '2')).toBe(true));
    expect(screen.getByTestId('missed-count')).toHaveFocus();
  });

  it('says so when nothing was missed', async () => {
    mockFetch({ '/api/auth/session/': advisorSession, '/api/search/missed/': { count: 0, results: [] } });
    renderRoute(<MissedSearchesPage />, { route: '/?days=180' });
    expect(await screen.findByText('Ingen søk uten treff i perioden. Velg en lengre periode for å se flere.')).toBeInTheDocument();
  });

  it('is for advisors only: nobody else asks for the list', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession });
    renderRoute(<MissedSearchesPage />);
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/auth/session/')).toBe(true));
    expect(calls.some((c) => c.url.pathname === '/api/search/missed/')).toBe(false);
  });

  it('renders in English', async () => {
    mockFetch({ '/api/auth/session/': advisorSession, '/api/search/missed/': { count: 2, results: rows } });
    renderRoute(<MissedSearchesPage />, { lang: 'en' });
    expect(await screen.findByRole('table', { name: 'Searches without results' })).toBeInTheDocument();
    expect(screen.getByText('Different searches in the period: 2')).toBeInTheDocument();
  });

  it('runs the semantic search again in its own mode', () => {
    expect(searchHref(rows[1]!)).toBe('/?q=fall+detection&semantic=true');
  });
});
