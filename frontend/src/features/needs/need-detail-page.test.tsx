import { screen, within } from '@testing-library/react';
import { pollWhileSuggestionsPending, SUGGESTIONS_POLL_MS } from '../../components/suggestions-status';
import { mockFetch, renderRoute } from '../../test/render';
import { NeedDetailPage } from './need-detail-page';

const buyerSession = {
  csrf_token: 't',
  user: {
    id: 1,
    email: 'innkjoper@bergen.kommune.no',
    full_name: 'Ingrid Haugland',
    roles: ['buyer'],
    is_advisor: false,
    memberships: [{ id: 1, organization: { id: 2, name: 'Bergen kommune', kind: 'public_buyer', org_number: '974760673', kind_label: 'Offentlig innkjøper', created_at: '' } }],
  },
};

const bergen = { id: 2, name: 'Bergen kommune', kind: 'public_buyer', verified: true };

function need(suggestionsPending: boolean) {
  return {
    id: 9,
    title: 'Færre fall blant eldre som bor hjemme',
    description: 'Hjemmetjenesten oppdager fall for sent.',
    desired_effect: 'Halvere tiden fra fall til hjelp.',
    sector: { code: 'helse-og-omsorg', label: 'Helse og omsorg' },
    cpv_codes: [],
    county: { code: '46', label: 'Vestland' },
    municipality: 'Bergen',
    stage: { code: 'markedsdialog', label: 'Markedsdialog' },
    procedure: { code: 'uavklart', label: 'Ikke avklart' },
    status: 'published',
    organization: bergen,
    co_buyers: [],
    pending_co_buyers: [],
    conferences: [],
    can_edit: true,
    can_publish: false,
    can_read_responses: false,
    dialogue_open: true,
    suggestions_pending: suggestionsPending,
  };
}

const suggestion = {
  id: 31,
  kind: 'need_solution',
  need: { id: 9, title: 'Færre fall blant eldre som bor hjemme', organization: bergen },
  solution: { id: 5, title: 'Fallsensor for hjemmet', trl: 7, organization: { id: 4, name: 'Helsetek AS', kind: 'supplier', verified: true } },
  other_need: null,
  score: 0.82,
  state: 'suggested',
  signals: [],
  shared_terms: ['fall'],
  best_pair: [],
};

describe('NeedDetailPage while the suggestions are computed in the background', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('polls only while the need says its suggestions are pending', () => {
    expect(pollWhileSuggestionsPending({ state: { data: { suggestions_pending: true } } })).toBe(SUGGESTIONS_POLL_MS);
    expect(pollWhileSuggestionsPending({ state: { data: { suggestions_pending: false } } })).toBe(false);
    expect(pollWhileSuggestionsPending({ state: {} })).toBe(false);
  });

  it('says "Beregner forslag …" in a polite live region, then shows the suggestions by itself', async () => {
    // given: the worker is still computing at the first two reads of the need, then done
    let reads = 0;
    const { calls } = mockFetch({
      '/api/auth/session/': buyerSession,
      '/api/needs/9/': () => ({ body: need(++reads <= 2) }),
      '/api/needs/9/matches/': () => ({ body: { count: reads > 2 ? 1 : 0, results: reads > 2 ? [suggestion] : [] } }),
      '/api/needs/9/similar/': { count: 0, results: [] },
    });
    renderRoute(<NeedDetailPage />, { path: '/needs/:id', route: '/needs/9' });

    // then: while pending, the status is announced politely and no "no suggestions" message shows
    const section = within(await screen.findByRole('region', { name: 'Foreslåtte løsninger' }));
    const status = (await section.findByText('Beregner forslag …')).closest('[role="status"]');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(screen.queryByText(/Ingen forslag ennå/)).not.toBeInTheDocument();

    // when the page asks again and the worker is done: the list appears without a reload
    expect(await section.findByRole('link', { name: 'Fallsensor for hjemmet' }, { timeout: 6 * SUGGESTIONS_POLL_MS + 5000 })).toBeInTheDocument();
    expect(status).not.toHaveTextContent('Beregner forslag …');
    expect(status).toHaveTextContent('Forslagene er oppdatert.');
    expect(screen.getByText(/^Vi fant ingen lignende behov hos andre innkjøpere./)).toBeInTheDocument();
    // and it stops asking once they are ready
    const needReads = () => calls.filter((c) => c.url.pathname === '/api/needs/9/').length;
    const settled = needReads();
    await new Promise((resolve) => setTimeout(resolve, SUGGESTIONS_POLL_MS + 500));
    expect(needReads()).toBe(settled);
  }, 40_000);
});

describe('NeedDetailPage: the desired effect', () => {
  afterEach(() => vi.unstubAllGlobals());

  const routes = (desired_effect: string) => ({
    '/api/auth/session/': buyerSession,
    '/api/needs/9/': { ...need(false), desired_effect },
    '/api/needs/9/matches/': { count: 0, results: [] },
    '/api/needs/9/similar/': { count: 0, results: [] },
  });

  it('shows its heading with the text', async () => {
    mockFetch(routes('Halvere tiden fra fall til hjelp.'));
    renderRoute(<NeedDetailPage />, { path: '/needs/:id', route: '/needs/9' });
    expect(await screen.findByRole('heading', { name: 'Ønsket effekt' })).toBeInTheDocument();
    expect(screen.getByText('Halvere tiden fra fall til hjelp.')).toBeInTheDocument();
  });

  it('shows no empty heading when the buyer has not described it', async () => {
    mockFetch(routes('  '));
    renderRoute(<NeedDetailPage />, { path: '/needs/:id', route: '/needs/9' });
    expect(await screen.findByRole('heading', { name: 'Beskrivelse av behovet' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Ønsket effekt' })).not.toBeInTheDocument();
  });
});
