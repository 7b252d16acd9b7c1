import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { anonymousSession, mockFetch } from '../test/render';
import { Layout } from './layout';
import { makeQueryClient, Providers } from './providers';

function renderLayout() {
  const router = createMemoryRouter([{ path: '/', element: <Layout />, children: [{ index: true, element: <p>innhold</p> }] }]);
  return render(
    <Providers client={makeQueryClient()}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe('Layout', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('has landmarks, a skip link and Norwegian by default', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession });
    renderLayout();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Hovedmeny' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Hopp til hovedinnhold' })).toHaveAttribute('href', '#main');
    expect(await screen.findByRole('link', { name: 'Logg inn' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nb');
  });

  it('switches to English and remembers it', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession });
    renderLayout();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(window.localStorage.getItem('innovasjonstorget.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('asks the server again in the language chosen, so that its labels and messages follow', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession });
    renderLayout();
    await screen.findByRole('link', { name: 'Logg inn' });
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await vi.waitFor(() => {
      const languages = calls.filter((c) => c.url.pathname === '/api/auth/session/').map((c) => new Headers(c.init?.headers).get('Accept-Language'));
      expect(languages).toEqual(['nb', 'en']);
    });
  });

  it('shows the user and role navigation when signed in', async () => {
    mockFetch({
      '/api/auth/session/': {
        csrf_token: 't',
        user: { id: 1, email: 'innkjoper@bergen.kommune.no', full_name: 'Ingrid Innkjøper', roles: ['buyer'], is_advisor: false, memberships: [{ id: 1, organization: { id: 2, name: 'Bergen kommune', kind: 'public_buyer' } }] },
      },
    });
    renderLayout();
    expect(await screen.findByText('Ingrid Innkjøper')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mine behov' })).toHaveAttribute('href', '/buyer');
    expect(screen.getByRole('button', { name: 'Logg ut' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Søk uten treff' })).toBeNull();
  });

  it('shows advisors what people could not find', async () => {
    mockFetch({
      '/api/auth/session/': {
        csrf_token: 't',
        user: { id: 4, email: 'radgiver@lup.no', full_name: 'Rune Rådgiver', roles: ['advisor'], is_advisor: true, memberships: [{ id: 1, organization: { id: 3, name: 'LUP', kind: 'advisory' } }] },
      },
    });
    renderLayout();
    expect(await screen.findByRole('link', { name: 'Søk uten treff' })).toHaveAttribute('href', '/advisor/missed-searches');
  });

  it('folds the menu behind a disclosure button that Escape closes', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession });
    renderLayout();
    const toggle = screen.getByRole('button', { name: 'Meny' });
    const menu = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(menu).toContainElement(screen.getByRole('navigation', { name: 'Hovedmeny' }));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(menu).toHaveAttribute('data-open', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('button', { name: 'Menu' })).toHaveFocus();
  });
});
