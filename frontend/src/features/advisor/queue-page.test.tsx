import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import type { DeskMatch } from './desk/api';
import { storageKey } from './desk/params';
import { AdvisorQueuePage } from './queue-page';

const advisorSession = {
  csrf_token: 't',
  user: { id: 4, email: 'radgiver@lup.no', full_name: 'Rune Rådgiver', roles: ['advisor'], is_advisor: true, memberships: [{ id: 1, organization: { id: 3, name: 'LUP', kind: 'advisory' } }] },
};

const bergen = { id: 1, name: 'Bergen kommune', kind: 'public_buyer' as const, verified: true };
const skien = { id: 2, name: 'Skien kommune', kind: 'public_buyer' as const, verified: true };
const helsetek = { id: 5, name: 'Helsetek AS', kind: 'supplier' as const, verified: true };

function need(id: number, title: string, org = bergen) {
  return {
    id,
    title,
    organization: org,
    sector: { code: 'helse-og-omsorg', label: 'Helse og omsorg' },
    county: { code: '46', label: 'Vestland' },
    stage: { code: 'markedsdialog', label: 'Markedsdialog' },
    response_deadline: '2027-02-15T11:00:00Z',
  };
}

function suggestion(id: number, title: string): DeskMatch {
  return {
    id,
    kind: 'need_solution',
    need: need(100 + id, `Nattlig tilsyn uten kamera ${id}`),
    solution: { id: 200 + id, title, organization: helsetek, trl: 9 },
    other_need: null,
    score: 0.64,
    state: 'suggested',
    source: 'engine',
    created_at: '2026-11-20T09:00:00Z',
    decided_at: null,
  };
}

const joint: DeskMatch = {
  ...suggestion(9, ''),
  kind: 'need_need',
  solution: null,
  other_need: need(300, 'Digitalt nattilsyn i Skien', skien),
};

const rows = [suggestion(1, 'Sensorbasert nattilsyn'), suggestion(2, 'Fallalarm med radar'), suggestion(3, 'Smart sengesensor')];

type Call = { url: URL; init: RequestInit | undefined };

function routes(extra: Record<string, unknown> = {}) {
  return {
    '/api/auth/session/': advisorSession,
    '/api/matches/queue/counts/': { need_solution: 637, need_need: 42 },
    '/api/matches/queue/': (url: URL) => ({ body: { count: url.searchParams.get('kind') === 'need_need' ? 1 : 637, results: url.searchParams.get('kind') === 'need_need' ? [joint] : rows } }),
    '/api/reference/sectors/': [
      { code: 'helse-og-omsorg', label: 'Helse og omsorg' },
      { code: 'bygg-og-eiendom', label: 'Bygg og eiendom' },
    ],
    '/api/reference/counties/': [{ code: '46', label: 'Vestland' }],
    '/api/reference/stages/': [{ code: 'markedsdialog', label: 'Markedsdialog' }],
    ...extra,
  };
}

function queueCalls(calls: Call[]): URLSearchParams[] {
  return calls.filter((c) => c.url.pathname === '/api/matches/queue/').map((c) => c.url.searchParams);
}

function bulkBodies(calls: Call[]): unknown[] {
  return calls.filter((c) => c.url.pathname === '/api/matches/bulk/').map((c) => JSON.parse(String(c.init?.body)));
}

describe('AdvisorQueuePage (the advisor’s desk)', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('shows the first page of suggested solutions, how many in all, and the joint procurement apart', async () => {
    const { calls } = mockFetch(routes());
    renderRoute(<AdvisorQueuePage />);
    const table = await screen.findByRole('table', { name: 'Foreslåtte løsninger på behov' });
    expect(within(table).getAllByTestId('desk-row')).toHaveLength(3);
    expect(within(table).getByRole('columnheader', { name: 'Løsning' })).toBeInTheDocument();
    expect(screen.getByTestId('desk-count')).toHaveTextContent('Viser 1–25 av 637');
    expect(await screen.findByRole('link', { name: 'Løsninger (637)' })).toHaveAttribute('aria-current', 'page');
    const first = queueCalls(calls)[0]!;
    expect(Object.fromEntries(first)).toMatchObject({ kind: 'need_solution', state: 'suggested', sort: 'score', page: '1', page_size: '25' });
    expect(within(table).queryByText('Digitalt nattilsyn i Skien')).toBeNull();

    await userEvent.click(screen.getByRole('link', { name: 'Felles innkjøp (42)' }));
    const jointTable = await screen.findByRole('table', { name: 'Felles innkjøp: behov hos ulike innkjøpere som ligner hverandre' });
    expect(within(jointTable).getByRole('columnheader', { name: 'Lignende behov' })).toBeInTheDocument();
    expect(within(jointTable).getByText('Digitalt nattilsyn i Skien')).toBeInTheDocument();
    expect(within(jointTable).queryByRole('columnheader', { name: 'Løsning' })).toBeNull();
    expect(queueCalls(calls).at(-1)?.get('kind')).toBe('need_need');
  });

  it('filters and sorts on the server, the counts of both views under the same filters', async () => {
    const { calls } = mockFetch(routes());
    renderRoute(<AdvisorQueuePage />);
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText('Sektor'), 'Bygg og eiendom');
    await userEvent.selectOptions(screen.getByLabelText('Poengsum'), 'Minst 50 %');
    await userEvent.selectOptions(screen.getByLabelText('Foreslått'), 'For mer enn 30 dager siden');
    await userEvent.selectOptions(screen.getByLabelText('Tilstand'), 'Alle tilstander');
    await userEvent.selectOptions(screen.getByLabelText('Sorter etter'), 'Svarfrist, nærmest først');
    await waitFor(() => expect(queueCalls(calls).at(-1)?.get('sort')).toBe('deadline'));
    const filtered = queueCalls(calls).at(-1)!;
    expect(filtered.get('sector')).toBe('bygg-og-eiendom');
    expect(filtered.get('score_min')).toBe('0.5');
    expect(filtered.get('min_age_days')).toBe('30');
    expect(filtered.getAll('state')).toEqual(['suggested', 'shortlisted', 'introduced', 'rejected']);
    const counts = calls.filter((c) => c.url.pathname === '/api/matches/queue/counts/').at(-1)!.url.searchParams;
    expect([counts.get('sector'), counts.get('kind'), counts.get('page')]).toEqual(['bygg-og-eiendom', null, null]);
  });

  it('pages on the server, and “Nullstill filtre” clears the filters but keeps the sort', async () => {
    const { calls } = mockFetch(routes());
    renderRoute(<AdvisorQueuePage />, { route: '/?sector=bygg-og-eiendom&sort=deadline' });
    await screen.findByRole('table');
    await userEvent.click(screen.getByRole('button', { name: 'Neste' }));
    await waitFor(() => expect(queueCalls(calls).at(-1)?.get('page')).toBe('2'));
    expect(screen.getByTestId('desk-count')).toHaveTextContent('Viser 26–50 av 637');
    await userEvent.selectOptions(screen.getByLabelText('Forslag per side'), '100');
    await waitFor(() => expect(queueCalls(calls).at(-1)?.get('page_size')).toBe('100'));
    expect(queueCalls(calls).at(-1)?.get('page')).toBe('1');
    await userEvent.click(screen.getByRole('button', { name: 'Nullstill filtre' }));
    await waitFor(() => expect(queueCalls(calls).at(-1)?.get('sector')).toBeNull());
    expect(queueCalls(calls).at(-1)?.get('sort')).toBe('deadline');
    expect(screen.queryByRole('button', { name: 'Nullstill filtre' })).toBeNull();
  });

  it('remembers the advisor’s filters and restores them on the next visit', async () => {
    const first = mockFetch(routes());
    const { unmount } = renderRoute(<AdvisorQueuePage />);
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText('Fylke'), 'Vestland');
    await waitFor(() => expect(window.localStorage.getItem(storageKey(4))).toBe('county=46'));
    unmount();
    vi.unstubAllGlobals();

    const second = mockFetch(routes());
    renderRoute(<AdvisorQueuePage />);
    await screen.findByRole('table');
    expect(queueCalls(second.calls).every((q) => q.get('county') === '46')).toBe(true);
    expect(screen.getByLabelText('Fylke')).toHaveValue('46');
    expect(screen.getByRole('region', { name: 'Filtre og sortering (1 i bruk)' })).toBeInTheDocument();
    expect(first.calls.length).toBeGreaterThan(0);
  });

  it('a link with its own query string wins over the remembered desk', async () => {
    window.localStorage.setItem(storageKey(4), 'county=46');
    const { calls } = mockFetch(routes());
    renderRoute(<AdvisorQueuePage />, { route: '/?kind=need_need' });
    await screen.findByRole('table');
    expect(queueCalls(calls).every((q) => q.get('county') === null && q.get('kind') === 'need_need')).toBe(true);
  });

  it('shortlists the selected rows in one request and announces it', async () => {
    const { calls } = mockFetch(routes({ '/api/matches/bulk/': { results: [{ id: 1, state: 'shortlisted', also_rejected: [] }, { id: 3, state: 'shortlisted', also_rejected: [] }] } }));
    renderRoute(<AdvisorQueuePage />);
    await screen.findByRole('table');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Velg «Nattlig tilsyn uten kamera 1» ↔ «Sensorbasert nattilsyn»' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Velg «Nattlig tilsyn uten kamera 3» ↔ «Smart sengesensor»' }));
    expect(screen.getByTestId('selected-count')).toHaveTextContent('2 valgt');
    await userEvent.click(screen.getByRole('button', { name: 'Sett på kortliste' }));
    expect(await screen.findByText('2 forslag satt på kortliste.')).toBeInTheDocument();
    expect(bulkBodies(calls)).toEqual([{ action: 'shortlist', ids: [1, 3] }]);
    expect(screen.getByTestId('selected-count')).toHaveTextContent('0 valgt');
  });

  it('rejects every row on the page with one reason, asked once', async () => {
    const { calls } = mockFetch(routes({ '/api/matches/bulk/': { results: rows.map((r) => ({ id: r.id, state: 'rejected', also_rejected: [] })) } }));
    renderRoute(<AdvisorQueuePage />);
    await screen.findByRole('table');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Velg alle på siden' }));
    await userEvent.click(screen.getByRole('button', { name: 'Avvis …' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avvis 3 forslag' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Avvis 3 forslag' }));
    expect(within(dialog).getByText('Skriv en begrunnelse for avvisningen.')).toBeInTheDocument();
    expect(bulkBodies(calls)).toEqual([]);
    await userEvent.type(within(dialog).getByLabelText('Begrunnelse'), 'Dekker ikke behovet for døgnbemanning.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Avvis 3 forslag' }));
    expect(await screen.findByText('3 forslag avvist.')).toBeInTheDocument();
    expect(bulkBodies(calls)).toEqual([{ action: 'reject', ids: [1, 2, 3], reason: 'Dekker ikke behovet for døgnbemanning.' }]);
  });

  it('says that nothing changed, naming each refused item', async () => {
    mockFetch(
      routes({
        '/api/matches/bulk/': () => ({ status: 400, body: { ids: ['«Nattlig tilsyn uten kamera 2» ↔ «Fallalarm med radar» er avvist: bare foreslåtte par kan settes på kortlisten.'] } }),
      }),
    );
    renderRoute(<AdvisorQueuePage />);
    await screen.findByRole('table');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Velg alle på siden' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sett på kortliste' }));
    const error = await screen.findByTestId('bulk-error');
    expect(error).toHaveTextContent('Ingenting ble endret');
    expect(error).toHaveTextContent('er avvist: bare foreslåtte par kan settes på kortlisten.');
  });

  it('works from the keyboard: j/k move, x selects, s shortlists, r asks for a reason, ? lists the keys', async () => {
    const { calls } = mockFetch(routes({ '/api/matches/bulk/': (_url: URL, init: RequestInit | undefined) => ({ body: { results: (JSON.parse(String(init?.body)) as { ids: number[] }).ids.map((id) => ({ id, state: 'shortlisted', also_rejected: [] })) } }) }));
    renderRoute(<AdvisorQueuePage />);
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.keyboard('j');
    const first = screen.getByRole('checkbox', { name: /Sensorbasert nattilsyn/ });
    expect(first).toHaveFocus();
    await user.keyboard('jk');
    expect(first).toHaveFocus();
    await user.keyboard('jx');
    expect(screen.getByRole('checkbox', { name: /Fallalarm med radar/ })).toBeChecked();
    await user.keyboard('s');
    await waitFor(() => expect(bulkBodies(calls)).toEqual([{ action: 'shortlist', ids: [2] }]));
    await user.keyboard('r');
    const reject = await screen.findByRole('dialog', { name: 'Avvis 1 forslag' });
    await user.click(within(reject).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Hurtigtaster' });
    expect(within(help).getByText('Gå til neste rad')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sett på kortliste' })).toHaveAttribute('aria-keyshortcuts', 's');
  });

  it('never fires a shortcut while the advisor types or picks in a field', async () => {
    const { calls } = mockFetch(routes());
    renderRoute(<AdvisorQueuePage />);
    await screen.findByRole('table');
    const sector = screen.getByLabelText('Sektor');
    sector.focus();
    fireEvent.keyDown(sector, { key: 's' });
    fireEvent.keyDown(sector, { key: 'j' });
    expect(bulkBodies(calls)).toEqual([]);
    expect(sector).toHaveFocus();
  });

  it('is for advisors only: nobody else asks for the queue', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession });
    renderRoute(<AdvisorQueuePage />);
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/auth/session/')).toBe(true));
    expect(calls.some((c) => c.url.pathname.startsWith('/api/matches/'))).toBe(false);
  });

  it('renders in English', async () => {
    mockFetch(routes());
    renderRoute(<AdvisorQueuePage />, { lang: 'en' });
    expect(await screen.findByRole('table', { name: 'Solutions suggested for needs' })).toBeInTheDocument();
    expect(screen.getByTestId('desk-count')).toHaveTextContent('Showing 1–25 of 637');
    expect(await screen.findByRole('link', { name: 'Joint procurement (42)' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select “Nattlig tilsyn uten kamera 1” ↔ “Sensorbasert nattilsyn”' })).toBeInTheDocument();
  });
});
