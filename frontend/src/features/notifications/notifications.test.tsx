import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { makeQueryClient, Providers } from '../../app/providers';
import { mockFetch } from '../../test/render';
import { NotificationSettingsPage } from './notification-settings-page';
import { NotificationsLink } from './notifications-link';
import { NotificationsPage } from './notifications-page';
import { UnsubscribePage } from './unsubscribe-page';

const session = {
  csrf_token: 't',
  oidc_login_url: null,
  user: { id: 1, email: 'innkjoper@bergen.kommune.no', full_name: 'Ingrid Haugland', preferred_language: 'nb', roles: ['buyer'], is_advisor: false, memberships: [] },
};

const booked = {
  id: 7,
  kind: 'meeting_booked',
  title: '1:1-møte booket: Helsetek AS, 01.03.2030 09:00',
  body: 'Helsetek AS har booket 1:1-møtet.',
  link: '/conferences/4',
  read_at: null,
  created_at: '2030-02-01T08:00:00Z',
};
const answered = { ...booked, id: 6, kind: 'question_asked', title: 'Nytt spørsmål på «Dialogkonferanse»', read_at: '2030-02-01T09:00:00Z' };

function renderAt(path: string, element: React.ReactElement, route = path) {
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '/conferences/:id', element: <h1>Konferansen</h1> },
    ],
    { initialEntries: [route] },
  );
  render(
    <Providers client={makeQueryClient()} lang="nb">
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

describe('Notifications', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says which are unread, marks one read, and opens its page', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': session,
      '/api/notifications/': { count: 2, next: null, previous: null, results: [booked, answered] },
      '/api/notifications/unread-count/': { unread: 1 },
      '/api/notifications/7/read/': { ...booked, read_at: '2030-02-02T08:00:00Z' },
    });
    const router = renderAt('/notifications', <NotificationsPage />);
    const list = await screen.findByRole('list', { name: 'Varsler' });
    const items = within(list).getAllByRole('listitem');
    expect(within(items[0]!).getByText('Ulest')).toBeInTheDocument();
    expect(within(items[1]!).queryByText('Ulest')).toBeNull();
    await userEvent.click(within(items[0]!).getByRole('link', { name: booked.title }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/conferences/4'));
    expect(calls.some((c) => c.url.pathname === '/api/notifications/7/read/' && c.init?.method === 'POST')).toBe(true);
  });

  it('shows the unread count in the header link in words', async () => {
    mockFetch({ '/api/auth/session/': session, '/api/notifications/unread-count/': { unread: 3 } });
    renderAt('/', <NotificationsLink />);
    expect(await screen.findByRole('link', { name: 'Varsler, 3 uleste' })).toHaveAttribute('href', '/notifications');
  });

  it('offers the kinds for the roles one has, and saves a choice at once', async () => {
    const prefs = [
      { kind: 'meeting_booked', title: 'En leverandør booket et 1:1-møte', audiences: ['buyer'], channel: 'email', default: 'email' },
      { kind: 'need_to_curate', title: 'Et nytt behov å kuratere', audiences: ['advisor'], channel: 'digest', default: 'digest' },
      { kind: 'organization_verified', title: 'Virksomheten deres er verifisert', audiences: ['member'], channel: 'email', default: 'email' },
    ];
    const { calls } = mockFetch({
      '/api/auth/session/': session,
      '/api/notifications/preferences/': prefs,
      '/api/notifications/preferences/meeting_booked/': { ...prefs[0], channel: 'digest' },
    });
    renderAt('/account/notifications', <NotificationSettingsPage />);
    const choice = await screen.findByRole('combobox', { name: 'En leverandør booket et 1:1-møte' });
    expect(screen.queryByRole('combobox', { name: 'Et nytt behov å kuratere' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Om deg og virksomhetene dine' })).toBeInTheDocument();
    await userEvent.selectOptions(choice, 'digest');
    expect(await screen.findByText('Lagret: «En leverandør booket et 1:1-møte» – I appen og i daglig oppsummering på e-post.')).toBeInTheDocument();
    const put = calls.find((c) => c.init?.method === 'PUT');
    expect(JSON.parse(String(put?.init?.body))).toEqual({ channel: 'digest' });
  });

  it('chooses the language the e-mails are written in', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': session,
      '/api/notifications/preferences/': [],
      '/api/auth/me/': { ...session.user, preferred_language: 'en' },
    });
    renderAt('/account/notifications', <NotificationSettingsPage />);
    const language = await screen.findByRole('combobox', { name: 'Språk i varsler og e-post' });
    expect(language).toHaveValue('nb');
    await userEvent.selectOptions(language, 'en');
    expect(await screen.findByText('Lagret – språk i varsler og e-post: English.')).toBeInTheDocument();
    const patch = calls.find((c) => c.init?.method === 'PATCH');
    expect(patch?.url.pathname).toBe('/api/auth/me/');
    expect(JSON.parse(String(patch?.init?.body))).toEqual({ preferred_language: 'en' });
  });

  it('unsubscribes on opening the e-mail link, without signing in, and can undo', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': { user: null, csrf_token: 't' },
      '/api/notifications/unsubscribe/': (_url: URL, init: RequestInit | undefined) => ({
        body: {
          kinds: [{ kind: 'meeting_booked', title: 'En leverandør booket et 1:1-møte' }],
          channel: JSON.parse(String(init?.body)).channel,
          previous: 'email',
        },
      }),
    });
    renderAt('/notifications/unsubscribe', <UnsubscribePage />, '/notifications/unsubscribe?token=abc');
    expect(await screen.findByText('Du får ikke lenger varsler om: En leverandør booket et 1:1-møte.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Angre avmeldingen' }));
    expect(await screen.findByText('Varslene er slått på igjen.')).toBeInTheDocument();
    const bodies = calls.filter((c) => c.init?.method === 'POST').map((c) => JSON.parse(String(c.init?.body)));
    expect(bodies).toEqual([
      { token: 'abc', channel: 'off' },
      { token: 'abc', channel: 'email' },
    ]);
  });
});
