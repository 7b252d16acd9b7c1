import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import { bergen, sessionFor } from './fixtures';
import { InvitationAcceptPage } from './invitation-accept-page';

const route = { path: '/invitations/accept', route: '/invitations/accept?token=abc.def' };

describe('InvitationAcceptPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks a signed-out visitor to sign in or register and come back', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession });
    renderRoute(<InvitationAcceptPage />, route);
    const next = encodeURIComponent('/invitations/accept?token=abc.def');
    expect(await screen.findByRole('link', { name: 'Logg inn' })).toHaveAttribute('href', `/login?next=${next}`);
    expect(screen.getByRole('link', { name: 'Opprett bruker' })).toHaveAttribute('href', `/register?next=${next}`);
  });

  it('accepts the invitation and links to the organisation', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': { ...sessionFor('admin'), user: { ...sessionFor('admin').user, memberships: [] } },
      '/api/invitations/accept/': { id: 40, organization: bergen, role: 'member', title: '' },
    });
    renderRoute(<InvitationAcceptPage />, route);
    await userEvent.click(await screen.findByRole('button', { name: 'Godta invitasjonen' }));
    expect(await screen.findByText('Velkommen! Du er nå med i Bergen kommune som medlem.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Gå til Bergen kommune' })).toHaveAttribute('href', '/organizations/6');
    expect(JSON.parse(String(calls.find((c) => c.init?.method === 'POST')?.init?.body))).toEqual({ token: 'abc.def' });
  });

  it('shows why the invitation could not be accepted', async () => {
    mockFetch({
      '/api/auth/session/': sessionFor('member'),
      '/api/invitations/accept/': () => ({ status: 403, body: { detail: 'Invitasjonen ble sendt til en annen e-postadresse. Logg inn som kari.nordmann@bergen.kommune.no.' } }),
    });
    renderRoute(<InvitationAcceptPage />, route);
    await userEvent.click(await screen.findByRole('button', { name: 'Godta invitasjonen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Logg inn som kari.nordmann@bergen.kommune.no.');
  });
});
