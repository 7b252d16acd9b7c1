import { screen } from '@testing-library/react';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import { LoginPage } from './login-page';

describe('LoginPage and ID-porten', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers ID-porten when the backend has an issuer, keeping where to land', async () => {
    mockFetch({ '/api/auth/session/': { ...anonymousSession, oidc_login_url: '/api/auth/oidc/login/' } });
    renderRoute(<LoginPage />, { path: '/login', route: '/login?next=/buyer' });
    const button = await screen.findByRole('link', { name: 'Logg inn med ID-porten' });
    expect(button).toHaveAttribute('href', '/api/auth/oidc/login/?next=%2Fbuyer');
    expect(screen.getByLabelText('Passord')).toBeInTheDocument();
  });

  it('shows only password login without an issuer', async () => {
    mockFetch({ '/api/auth/session/': { ...anonymousSession, oidc_login_url: null } });
    renderRoute(<LoginPage />, { path: '/login', route: '/login' });
    expect(await screen.findByLabelText('Passord')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Logg inn med ID-porten' })).not.toBeInTheDocument();
  });

  it('explains a refused takeover of a password account', async () => {
    mockFetch({ '/api/auth/session/': { ...anonymousSession, oidc_login_url: '/api/auth/oidc/login/' } });
    renderRoute(<LoginPage />, { path: '/login', route: '/login?oidc=account_exists', lang: 'en' });
    expect(await screen.findByRole('alert')).toHaveTextContent('A user with this email address already exists');
  });
});
