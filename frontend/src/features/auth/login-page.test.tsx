import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { makeQueryClient, Providers } from '../../app/providers';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import { LoginPage } from './login-page';

describe('LoginPage and ID-porten', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers ID-porten when the backend has an issuer, keeping where to land', async () => {
    mockFetch({ '/api/auth/session/': { ...anonymousSession, oidc_login_url: '/api/auth/oidc/login/' } });
    renderRoute(<LoginPage />, { path: '/login', route: '/login?next=/buyer' });
    const button = await screen.findByRole('link', { name: 'Logg inn med ID-porten' });
    expect(button).toHaveAttribute('href', '/api/auth/oidc/login/?next=%2Fbuyer');
    expect(screen.getByLabelText('Passord')).toBeRequired();
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

function renderLogin(route: string) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '*', element: <Location /> },
    ],
    { initialEntries: [route] },
  );
  render(
    <Providers client={makeQueryClient()} lang="nb">
      <RouterProvider router={router} />
    </Providers>,
  );
}

function Location() {
  return <p data-testid="landed">{useLocation().pathname}</p>;
}

const signedIn = (roles: string[], is_advisor = false) => ({
  csrf_token: 't',
  user: { id: 7, email: 'kari@bergen.kommune.no', full_name: 'Kari', roles, is_advisor, memberships: [] },
});

async function signIn() {
  await userEvent.type(await screen.findByRole('textbox', { name: 'E-post' }), 'kari@bergen.kommune.no');
  await userEvent.type(screen.getByLabelText('Passord'), 'demo-passord-2026');
  await userEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
}

describe('LoginPage: guidance and landing', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the fields before sending, with a heading about signing in, and links to each field', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession });
    renderLogin('/login');
    await userEvent.type(await screen.findByRole('textbox', { name: 'E-post' }), 'kari.bergen.kommune.no');
    await userEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
    expect(await screen.findByText('Rett opp dette før du logger inn:')).toBeInTheDocument();
    expect(screen.queryByText(/før du lagrer/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Passord: Skriv passordet ditt.' }));
    expect(screen.getByLabelText('Passord')).toHaveFocus();
    expect(screen.getByRole('link', { name: /E-post: Skriv en e-postadresse med @/ })).toHaveAttribute('href', '#login-email');
    expect(calls.some((c) => c.init?.method === 'POST')).toBe(false);
  });

  it('says a wrong password plainly, not as something to correct before saving', async () => {
    mockFetch({
      '/api/auth/session/': (_url: URL, init: RequestInit | undefined) =>
        init?.method === 'POST' ? { status: 400, body: { non_field_errors: ['Feil e-postadresse eller passord.'] } } : { body: anonymousSession },
    });
    renderLogin('/login');
    await signIn();
    expect(await screen.findByRole('alert')).toHaveTextContent('Feil e-postadresse eller passord.');
    expect(screen.queryByText(/før du lagrer/)).not.toBeInTheDocument();
  });

  it.each([
    [['buyer'], false, '/buyer'],
    [['supplier'], false, '/supplier'],
    [[], true, '/advisor'],
    [[], false, '/'],
  ])('lands a person with roles %j (advisor: %s) on %s', async (roles, advisor, desk) => {
    mockFetch({ '/api/auth/session/': (_url: URL, init: RequestInit | undefined) => ({ body: init?.method === 'POST' ? signedIn(roles, advisor) : anonymousSession }) });
    renderLogin('/login');
    await signIn();
    expect(await screen.findByTestId('landed')).toHaveTextContent(new RegExp(`^${desk}$`));
  });

  it('returns to the page the person came from', async () => {
    mockFetch({ '/api/auth/session/': (_url: URL, init: RequestInit | undefined) => ({ body: init?.method === 'POST' ? signedIn(['buyer']) : anonymousSession }) });
    renderLogin('/login?next=/needs/3');
    await signIn();
    expect(await screen.findByTestId('landed')).toHaveTextContent('/needs/3');
  });
});
