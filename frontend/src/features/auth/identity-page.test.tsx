import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoute } from '../../test/render';
import { IdentityPage } from './identity-page';

const signedIn = {
  csrf_token: 't',
  oidc_login_url: '/api/auth/oidc/login/',
  user: { id: 1, email: 'grunder@helsetek.no', full_name: 'Sara Nilsen', roles: ['supplier'], is_advisor: false, memberships: [] },
};

describe('IdentityPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers to connect ID-porten when none is connected', async () => {
    mockFetch({ '/api/auth/session/': signedIn, '/api/auth/identities/': [] });
    renderRoute(<IdentityPage />, { path: '/account/id-porten', route: '/account/id-porten' });
    const link = await screen.findByRole('link', { name: 'Koble til ID-porten' });
    expect(link).toHaveAttribute('href', '/api/auth/oidc/login/?next=%2Faccount%2Fid-porten&connect=1');
  });

  it('disconnects a connected identity', async () => {
    const identity = { id: 7, issuer: 'https://idporten.no', created_at: '2026-11-30T10:00:00Z', last_login_at: '2026-12-01T09:00:00Z' };
    const { calls } = mockFetch({
      '/api/auth/session/': signedIn,
      '/api/auth/identities/7/': () => ({ status: 204 }),
      '/api/auth/identities/': [identity],
    });
    renderRoute(<IdentityPage />, { path: '/account/id-porten', route: '/account/id-porten' });
    await userEvent.click(await screen.findByRole('button', { name: 'Koble fra ID-porten' }));
    expect(calls.some((c) => c.url.pathname === '/api/auth/identities/7/' && c.init?.method === 'DELETE')).toBe(true);
  });
});
