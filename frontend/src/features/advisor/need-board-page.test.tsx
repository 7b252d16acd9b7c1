import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoute } from '../../test/render';
import { NeedBoardPage } from './need-board-page';

const advisorSession = {
  csrf_token: 't',
  user: { id: 4, email: 'radgiver@lup.no', full_name: 'Rune Rådgiver', roles: ['advisor'], is_advisor: true, memberships: [{ id: 1, organization: { id: 3, name: 'LUP', kind: 'advisory' } }] },
};

const bergen = { id: 1, name: 'Bergen kommune', kind: 'public_buyer', verified: true };
const need = { id: 10, title: 'Nattlig tilsyn uten kamera', description: 'Tilsyn om natten.', sector: null, stage: 'markedsdialog', status: 'published', organization: bergen };
const base = { need, score: 0.7, signals: [], shared_terms: [], best_pair: [], explanation: [], fit: 'good', relevance: 0.7, source: 'engine', created_at: '2026-11-20T09:00:00Z', updated_at: '2026-11-20T09:00:00Z' };
const matches = [
  { ...base, id: 1, kind: 'need_solution', solution: { id: 20, title: 'Sensorbasert nattilsyn', description: '', sector: null, trl: 9, language: 'nb', organization: { id: 5, name: 'Helsetek AS', kind: 'supplier' } }, other_need: null, state: 'suggested' },
  { ...base, id: 2, kind: 'need_need', solution: null, other_need: { ...need, id: 11, title: 'Digitalt nattilsyn i Skien', organization: { id: 2, name: 'Skien kommune', kind: 'public_buyer' } }, state: 'suggested' },
];

function routes() {
  return {
    '/api/auth/session/': advisorSession,
    '/api/needs/10/': need,
    '/api/matches/': { count: 2, results: matches },
    '/api/solutions/': { count: 0, results: [] },
    '/api/matches/1/shortlist/': { ...matches[0], state: 'shortlisted' },
  };
}

describe('NeedBoardPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the similar needs of other buyers (joint procurement) apart from the solutions', async () => {
    mockFetch(routes());
    renderRoute(<NeedBoardPage />, { path: '/advisor/needs/:id', route: '/advisor/needs/10' });
    const solutions = await screen.findByRole('region', { name: 'Løsningsforslag' });
    const joint = screen.getByRole('region', { name: 'Felles innkjøp: lignende behov hos andre innkjøpere' });
    expect(within(solutions).getByRole('link', { name: 'Sensorbasert nattilsyn' })).toBeInTheDocument();
    expect(within(solutions).queryByText('Digitalt nattilsyn i Skien')).toBeNull();
    expect(within(joint).getByRole('link', { name: 'Digitalt nattilsyn i Skien' })).toBeInTheDocument();
  });

  it("shows each card's note count before the notes are opened, from one request for the board", async () => {
    const { calls } = mockFetch({ ...routes(), '/api/matches/note-counts/': [{ match: 1, count: 2 }] });
    renderRoute(<NeedBoardPage />, { path: '/advisor/needs/:id', route: '/advisor/needs/10' });
    const solutions = await screen.findByRole('region', { name: 'Løsningsforslag' });
    expect(await within(solutions).findByRole('button', { name: 'Notater (2)' })).toHaveAttribute('aria-expanded', 'false');
    const joint = screen.getByRole('region', { name: 'Felles innkjøp: lignende behov hos andre innkjøpere' });
    expect(within(joint).getByRole('button', { name: 'Notater (0)' })).toBeInTheDocument();
    const asked = calls.filter((c) => c.url.pathname === '/api/matches/note-counts/');
    expect(asked.map((c) => c.url.searchParams.get('need'))).toEqual(['10']);
    expect(calls.some((c) => /\/api\/matches\/\d+\/notes\//.test(c.url.pathname))).toBe(false);
  });

  it('moves between the cards with j and k and shortlists the card with s', async () => {
    const { calls } = mockFetch(routes());
    renderRoute(<NeedBoardPage />, { path: '/advisor/needs/:id', route: '/advisor/needs/10' });
    await screen.findByRole('link', { name: 'Sensorbasert nattilsyn' });
    const user = userEvent.setup();
    await user.keyboard('jj');
    expect(screen.getByRole('link', { name: 'Digitalt nattilsyn i Skien' })).toHaveFocus();
    await user.keyboard('k');
    expect(screen.getByRole('link', { name: 'Sensorbasert nattilsyn' })).toHaveFocus();
    await user.keyboard('s');
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/matches/1/shortlist/' && c.init?.method === 'POST')).toBe(true));
    expect(await screen.findByText('1 forslag satt på kortliste.')).toBeInTheDocument();
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Hurtigtaster' })).toHaveTextContent('Gå til neste kort');
  });
});
