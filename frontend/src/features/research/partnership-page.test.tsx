import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoute } from '../../test/render';
import { PartnershipPage } from './partnership-page';

const org = (id: number, name: string, kind: 'public_buyer' | 'research') => ({ id, name, kind, verified: true, county: '46', municipality: '' });
const bergen = org(1, 'Bergen kommune', 'public_buyer');
const ntnu = org(7, 'NTNU Senter for omsorgsforskning', 'research');
const session = {
  csrf_token: 't',
  oidc_login_url: null,
  user: { id: 9, email: 'forsker@ntnu.no', full_name: 'Hilde Strand', roles: ['research'], is_advisor: false, memberships: [{ id: 1, organization: ntnu, role: 'admin', title: '' }] },
};
const need = {
  id: 3,
  title: 'Beboere som sitter stille store deler av dagen',
  description: 'Mange beboere sitter stille det meste av dagen.',
  desired_effect: 'Mer aktivitet og bedre søvn.',
  sector: { code: 'helse-og-omsorg', label: 'Helse og omsorg' },
  cpv_codes: [],
  county: { code: '46', label: 'Vestland' },
  municipality: 'Bergen',
  budget_min: null,
  budget_max: null,
  stage: { code: 'markedsdialog', label: 'Markedsdialog' },
  procedure: null,
  response_deadline: null,
  language: 'nb',
  status: 'draft',
  estimated_users: null,
  organization: bergen,
};

function partnership(state: string, reads: boolean) {
  return {
    id: 11,
    need_ref: { id: 3, title: need.title, status: 'draft', organization: bergen },
    need: state === 'accepted' ? need : null,
    organization: ntnu,
    profile_id: null,
    state,
    state_label: state,
    may_read_responses: reads,
    reads_responses: reads && state === 'accepted',
    shared_note: state === 'accepted' ? 'Vi deler gevinstkartet.' : '',
    is_partner: true,
    is_buyer: false,
    created_at: '2026-12-01T10:00:00Z',
    decided_at: null,
    ended_at: null,
  };
}

describe('PartnershipPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks an invited institution to accept, and shows it nothing of the need before', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': session,
      '/api/research/partnerships/11/': partnership('invited', false),
      '/api/research/partnerships/11/accept/': partnership('accepted', false),
    });
    renderRoute(<PartnershipPage />, { path: '/research/partnerships/:id', route: '/research/partnerships/11' });
    expect(await screen.findByText(/Bergen kommune inviterer dere som forskningspartner/)).toBeInTheDocument();
    expect(screen.queryByText('Mange beboere sitter stille det meste av dagen.')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Takk ja' }));
    expect(calls.some((c) => c.url.pathname === '/api/research/partnerships/11/accept/' && c.init?.method === 'POST')).toBe(true);
  });

  it('shows an accepted partner the draft need and what is shared, but no responses without the grant', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': session,
      '/api/research/partnerships/11/': partnership('accepted', false),
    });
    renderRoute(<PartnershipPage />, { path: '/research/partnerships/:id', route: '/research/partnerships/11' });
    expect(await screen.findByText('Mange beboere sitter stille det meste av dagen.')).toBeInTheDocument();
    expect(screen.getByText('Utkast – ikke publisert')).toBeInTheDocument();
    expect(screen.getByText('Vi deler gevinstkartet.')).toBeInTheDocument();
    expect(screen.getByText('Innkjøperen har ikke gitt dere tilgang til innspillene.')).toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname.endsWith('/responses/'))).toBe(false);
  });

  it('shows a granted partner the responses with business secrets withheld', async () => {
    mockFetch({
      '/api/auth/session/': session,
      '/api/research/partnerships/11/': partnership('accepted', true),
      '/api/research/partnerships/11/responses/': [
        {
          id: 4,
          organization: org(5, 'Helsetek AS', 'public_buyer'),
          summary: 'Sensorstøttet aktivitet og døgnrytme',
          sections: [
            { text: 'Sensorene registrerer aktivitet.', withheld: false },
            { text: '', withheld: true },
          ],
          created_at: '2026-12-02T10:00:00Z',
        },
      ],
    });
    renderRoute(<PartnershipPage />, { path: '/research/partnerships/:id', route: '/research/partnerships/11' });
    expect(await screen.findByRole('heading', { name: 'Sensorstøttet aktivitet og døgnrytme' })).toBeInTheDocument();
    expect(screen.getByText('Sensorene registrerer aktivitet.')).toBeInTheDocument();
    expect(screen.getByText('Forretningshemmelighet – deles ikke med forskningspartnere.')).toBeInTheDocument();
  });
});
