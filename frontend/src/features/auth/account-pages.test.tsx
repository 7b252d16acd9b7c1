import { fireEvent, screen } from '@testing-library/react';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import { ForgotPasswordPage } from './forgot-password-page';
import { RegisterPage } from './register-page';
import { ResetPasswordPage } from './reset-password-page';
import { VerifyEmailPage } from './verify-email-page';

const accepted = { status: 202, body: { detail: 'Sjekk e-posten din.' } };

describe('password accounts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells a new user to check the e-mail instead of signing in', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession, '/api/auth/register/': () => accepted });
    renderRoute(<RegisterPage />, { path: '/register', route: '/register' });
    fireEvent.change(screen.getByLabelText('Fullt navn'), { target: { value: 'Nina Ny' } });
    fireEvent.change(screen.getByLabelText('E-post'), { target: { value: 'nina@testkommune.no' } });
    fireEvent.change(screen.getByLabelText('Passord'), { target: { value: 'et-langt-passord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opprett bruker' }));
    expect(await screen.findByText(/Vi har sendt en e-post til nina@testkommune.no/)).toBeInTheDocument();
    expect(calls.filter((c) => c.url.pathname === '/api/auth/register/')).toHaveLength(1);
  });

  it('marks what registration requires and checks it, as the server does, before sending', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession, '/api/auth/register/': () => accepted });
    renderRoute(<RegisterPage />, { path: '/register', route: '/register' });
    expect(await screen.findAllByText('Må fylles ut')).toHaveLength(3);
    expect(screen.getByText(/Minst 8 tegn\./)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('E-post'), { target: { value: 'nina@testkommune.no' } });
    fireEvent.change(screen.getByLabelText('Passord'), { target: { value: 'kort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opprett bruker' }));
    expect(await screen.findByText('Rett opp dette før du oppretter brukeren:')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Fullt navn: Skriv hele navnet ditt.' })).toHaveAttribute('href', '#register-name');
    expect(screen.getByRole('link', { name: 'Passord: Passordet må ha minst 8 tegn.' })).toBeInTheDocument();
    expect(calls.filter((c) => c.url.pathname === '/api/auth/register/')).toHaveLength(0);
  });

  it('confirms the address from the link once', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession, '/api/auth/verify-email/': { detail: 'ok' } });
    renderRoute(<VerifyEmailPage />, { path: '/verify-email', route: '/verify-email?token=abc' });
    expect(await screen.findByText('E-postadressen din er bekreftet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Logg inn' })).toHaveAttribute('href', '/login?next=%2Forganizations%2Fnew');
    const posts = calls.filter((c) => c.url.pathname === '/api/auth/verify-email/');
    expect(posts.map((c) => JSON.parse(String(c.init?.body)))).toEqual([{ token: 'abc' }]);
  });

  it('explains an expired link and offers a new one', async () => {
    mockFetch({
      '/api/auth/session/': anonymousSession,
      '/api/auth/verify-email/': () => ({ status: 400, body: { token: ['Lenken er utløpt. Be om en ny.'] } }),
    });
    renderRoute(<VerifyEmailPage />, { path: '/verify-email', route: '/verify-email?token=old', lang: 'nb' });
    expect(await screen.findByText('Vi kunne ikke bekrefte e-postadressen')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send lenken på nytt' })).toBeInTheDocument();
  });

  it('answers a reset request the same for any address', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession, '/api/auth/password-reset/': () => accepted });
    renderRoute(<ForgotPasswordPage />, { path: '/forgot-password', route: '/forgot-password', lang: 'en' });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'who@example.no' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send link' }));
    expect(await screen.findByText(/If the address has an account, we have sent a link to who@example.no/)).toBeInTheDocument();
  });

  it('sets a new password from the reset link', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession, '/api/auth/password-reset/confirm/': { detail: 'ok' } });
    renderRoute(<ResetPasswordPage />, { path: '/reset-password', route: '/reset-password?uid=MQ&token=t-1' });
    fireEvent.change(screen.getByLabelText('Nytt passord'), { target: { value: 'et-helt-nytt-passord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre nytt passord' }));
    expect(await screen.findByText(/Passordet er endret/)).toBeInTheDocument();
    const post = calls.find((c) => c.url.pathname === '/api/auth/password-reset/confirm/');
    expect(JSON.parse(String(post?.init?.body))).toEqual({ uid: 'MQ', token: 't-1', new_password: 'et-helt-nytt-passord' });
  });
});
