import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoute } from '../../test/render';
import { JointInviteAction } from './joint-invite';
import { JointPanel } from './joint-panel';

const org = (id: number, name: string) => ({ id, name, kind: 'public_buyer', verified: true, county: '46', municipality: '' });
const need = (id: number, title: string) => ({ id, title, status: 'published' });
const member = (id: number, o: ReturnType<typeof org>, n: ReturnType<typeof need>, extra: Record<string, unknown> = {}) => ({
  id,
  need: n,
  organization: o,
  state: 'accepted',
  state_label: 'Medlem',
  is_lead: false,
  mine: false,
  estimated_users: 60,
  budget_min: 300000,
  budget_max: 600000,
  ...extra,
});
const bergen = org(2, 'Bergen kommune');
const askoy = org(3, 'Askøy kommune');
const group = {
  id: 7,
  title: 'Felles digitalt nattilsyn',
  description: 'Bergen og Askøy anskaffer sammen.',
  status: 'active',
  status_label: 'Aktiv',
  lead_organization: bergen,
  lead_need: need(9, 'Digitalt tilsyn om natten'),
  combined_users: 500,
  combined_budget: 5000000,
  volume: { users: 480, budget_min: 3300000, budget_max: 6600000 },
  member_count: 2,
  members: [
    member(1, bergen, need(9, 'Digitalt tilsyn om natten'), { is_lead: true, mine: true, estimated_users: 420 }),
    member(2, askoy, need(10, 'Nattlig tilsyn som ikke forstyrrer søvnen')),
  ],
  can_edit: true,
  created_at: '2026-12-01T10:00:00+01:00',
  dissolved_at: null,
};

describe('JointPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows an outsider only the public line and the shared text', async () => {
    mockFetch({
      '/api/auth/session/': { user: null, csrf_token: 't' },
      '/api/needs/10/joint-procurement/': { public: { member_count: 3, title: group.title, description: group.description }, group: null, invitations: [], can_invite: false },
    });
    renderRoute(<JointPanel needId="10" />);
    const panel = within(await screen.findByRole('region', { name: 'Felles anskaffelse' }));
    expect(panel.getByText('Del av en felles anskaffelse mellom 3 offentlige virksomheter.')).toBeInTheDocument();
    expect(panel.getByRole('heading', { name: 'Felles digitalt nattilsyn' })).toBeInTheDocument();
    expect(panel.queryByRole('list')).toBeNull();
  });

  it('shows the lead its group in English: members, the lead, the volume and what it may do', async () => {
    mockFetch({
      '/api/auth/session/': { user: null, csrf_token: 't' },
      '/api/needs/9/joint-procurement/': { public: { member_count: 2, title: group.title, description: group.description }, group, invitations: [], can_invite: true },
    });
    renderRoute(<JointPanel needId="9" />, { lang: 'en' });
    const panel = within(await screen.findByRole('region', { name: 'Joint procurement' }));
    expect(panel.getByText('Led by Bergen kommune')).toBeInTheDocument();
    const members = within(panel.getByRole('list', { name: 'Members' }));
    expect(members.getByText('Askøy kommune')).toBeInTheDocument();
    expect(members.getByText('Lead')).toBeInTheDocument();
    expect(panel.getByText('Users in all (estimate)')).toBeInTheDocument();
    expect(panel.getByRole('button', { name: 'Edit the shared need and volume' })).toBeInTheDocument();
    expect(panel.getByRole('button', { name: 'Dissolve the joint procurement' })).toBeInTheDocument();
  });
});

describe('JointInviteAction', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('invites the buyer of a similar need with a greeting and says it was sent', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': { user: null, csrf_token: 't' },
      '/api/needs/9/joint-procurement/': { public: null, group: null, invitations: [], can_invite: true },
      '/api/needs/9/joint-procurement/invite/': { status: 201, body: { id: 5 } },
    });
    renderRoute(<JointInviteAction needId={9} other={{ id: 31, title: 'Nattlig tilsyn som ikke vekker beboerne', organization: { name: 'Trondheim kommune' } }} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Inviter til felles anskaffelse: Nattlig tilsyn som ikke vekker beboerne' }));
    await userEvent.type(screen.getByLabelText('Hilsen (valgfritt)'), 'Skal vi?');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitasjon' }));
    expect(await screen.findByText('Invitasjonen er sendt til Trondheim kommune.')).toBeInTheDocument();
    const sent = calls.find((c) => c.url.pathname === '/api/needs/9/joint-procurement/invite/');
    expect(JSON.parse(String(sent?.init?.body))).toEqual({ other_need: 31, message: 'Skal vi?' });
  });

  it('is not offered for a need already in the group', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': { user: null, csrf_token: 't' },
      '/api/needs/9/joint-procurement/': { public: null, group, invitations: [], can_invite: true },
    });
    renderRoute(<JointInviteAction needId={9} other={{ id: 10, title: 'Nattlig tilsyn som ikke forstyrrer søvnen', organization: askoy }} />);
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/needs/9/joint-procurement/')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: /Inviter til felles anskaffelse/ })).toBeNull();
  });
});
