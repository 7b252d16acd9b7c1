import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoute } from '../../test/render';
import { joinRequest } from './fixtures';
import { OrgRegisterPage } from './org-register-page';

const signedIn = { csrf_token: 't', oidc_login_url: null, user: { id: 5, email: 'kari.nordmann@bergen.kommune.no', full_name: 'Kari Nordmann', roles: [], is_advisor: false, memberships: [] } };

describe('OrgRegisterPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers public buyer, supplier and research institution (no advisory), and confirms a request to join an organisation already registered (202)', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': signedIn,
      '/api/reference/counties/': [{ code: '46', label: 'Vestland' }],
      '/api/organizations/': () => ({ status: 202, body: joinRequest }),
    });
    renderRoute(<OrgRegisterPage />, { path: '/organizations/new', route: '/organizations/new' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Navn på virksomheten' }), 'Bergen kommune');
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['public_buyer', 'supplier', 'research']);
    await userEvent.type(screen.getByRole('textbox', { name: 'Organisasjonsnummer' }), '964 338 531');
    await userEvent.type(screen.getByRole('textbox', { name: /Melding til administratorene/ }), 'Jeg jobber i Etat for helse og omsorg.');
    await userEvent.click(screen.getByRole('button', { name: 'Registrer virksomhet' }));
    expect(await screen.findByText(/Virksomheten er allerede registrert\. Vi har sendt en forespørsel om å bli med til administratorene av Bergen kommune\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Se forespørslene dine' })).toHaveAttribute('href', '/organizations');
    const post = calls.find((c) => c.init?.method === 'POST');
    expect(JSON.parse(String(post?.init?.body))).toMatchObject({ org_number: '964338531', kind: 'public_buyer', message: 'Jeg jobber i Etat for helse og omsorg.' });
  });
});
