import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { makeQueryClient, Providers } from '../../app/providers';
import { mockFetch } from '../../test/render';
import { AccountDeletedPage, PrivacyPage } from './privacy-page';

const helsetek = { id: 3, name: 'Helsetek AS', kind: 'supplier', verified: true, county: '46', municipality: 'Bergen' };

function session(oidc: string | null = null) {
  return {
    csrf_token: 't',
    oidc_login_url: oidc,
    user: { id: 1, email: 'grunder@helsetek.no', full_name: 'Sara Nilsen', roles: ['supplier'], is_advisor: false, memberships: [] },
  };
}

const canDelete = { has_password: true, recent_oidc_login: false, blocking_organizations: [] };

function renderPrivacy() {
  const router = createMemoryRouter(
    [
      { path: '/account/privacy', element: <PrivacyPage /> },
      { path: '/account/deleted', element: <AccountDeletedPage /> },
    ],
    { initialEntries: ['/account/privacy'] },
  );
  render(
    <Providers client={makeQueryClient()} lang="nb">
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

// jsdom has <dialog> but not its modal methods.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

describe('PrivacyPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers the personal data as a download', async () => {
    mockFetch({ '/api/auth/session/': session(), '/api/auth/me/deletion/': canDelete });
    renderPrivacy();
    const link = await screen.findByRole('link', { name: 'Last ned mine data' });
    expect(link).toHaveAttribute('href', '/api/auth/me/export/');
    expect(link).toHaveAttribute('download');
  });

  it('deletes the account after the password is confirmed in a dialog', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': session(),
      '/api/auth/me/deletion/': (_url: URL, init: RequestInit | undefined) => (init?.method === 'POST' ? { status: 204 } : { body: canDelete }),
    });
    const router = renderPrivacy();
    await userEvent.click(await screen.findByRole('button', { name: 'Slett brukeren min' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Vil du slette brukeren din?')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Bekreft med passordet ditt'), 'hemmelig-passord-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slett brukeren for godt' }));
    expect(await screen.findByText('Brukeren din er slettet', { selector: 'h1' })).toBeInTheDocument();
    const posts = calls.filter((c) => c.url.pathname === '/api/auth/me/deletion/' && c.init?.method === 'POST');
    expect(posts.map((c) => JSON.parse(String(c.init?.body)))).toEqual([{ password: 'hemmelig-passord-1' }]);
    expect(router.state.location.pathname).toBe('/account/deleted');
  });

  it('shows a wrong password at the field and keeps the dialog open', async () => {
    mockFetch({
      '/api/auth/session/': session(),
      '/api/auth/me/deletion/': (_url: URL, init: RequestInit | undefined) =>
        init?.method === 'POST' ? { status: 400, body: { password: ['Passordet er feil.'] } } : { body: canDelete },
    });
    renderPrivacy();
    await userEvent.click(await screen.findByRole('button', { name: 'Slett brukeren min' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Bekreft med passordet ditt'), 'feil');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slett brukeren for godt' }));
    expect(await within(dialog).findByText('Passordet er feil.')).toBeInTheDocument();
  });

  it('asks the last administrator to hand over first', async () => {
    mockFetch({
      '/api/auth/session/': session(),
      '/api/auth/me/deletion/': { ...canDelete, blocking_organizations: [helsetek] },
    });
    renderPrivacy();
    expect(await screen.findByText(/gi administratorrollen til et annet medlem/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Helsetek AS' })).toHaveAttribute('href', '/organizations/3');
    expect(screen.queryByRole('button', { name: 'Slett brukeren min' })).not.toBeInTheDocument();
  });

  it('sends a person without a password to ID-porten before deleting', async () => {
    mockFetch({
      '/api/auth/session/': session('/api/auth/oidc/login/'),
      '/api/auth/me/deletion/': { ...canDelete, has_password: false },
    });
    renderPrivacy();
    await userEvent.click(await screen.findByRole('button', { name: 'Slett brukeren min' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('link', { name: 'Logg inn med ID-porten på nytt' })).toHaveAttribute(
      'href',
      '/api/auth/oidc/login/?next=%2Faccount%2Fprivacy',
    );
    expect(within(dialog).queryByRole('button', { name: 'Slett brukeren for godt' })).not.toBeInTheDocument();
  });
});
