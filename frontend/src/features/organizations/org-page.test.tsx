import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import { bergen, joinRequest, members, sessionFor } from './fixtures';
import { OrgPage } from './org-page';

const page = { path: '/organizations/:id', route: '/organizations/6' };
const empty = { count: 0, results: [] };
const counties = {
  '/api/reference/counties/': [{ code: '46', label: 'Vestland' }],
  '/api/needs/': { count: 1, next: null, previous: null, results: [{ id: 9, title: 'Beboere som sitter stille store deler av dagen' }] },
  '/api/solutions/': { count: 0, next: null, previous: null, results: [] },
};

describe('OrgPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows an administrator the members, requests to join and invitations, and approves a request', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': sessionFor('admin'),
      '/api/organizations/6/': bergen,
      '/api/organizations/6/members/': members,
      '/api/organizations/6/join-requests/': { count: 1, results: [joinRequest] },
      '/api/organizations/6/invitations/': empty,
      '/api/join-requests/3/approve/': { ...joinRequest, status: 'approved' },
      ...counties,
    });
    renderRoute(<OrgPage />, page);
    expect(await screen.findByRole('heading', { level: 1, name: /Bergen kommune/ })).toBeInTheDocument();
    expect(screen.getByText('Publisere behov, så leverandørene kan se dem og sende innspill')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Medlemmer' });
    expect(within(table).getByText('Ola Tveit')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Gjør til administrator: Ola Tveit' })).toBeInTheDocument();
    expect(await screen.findByText('Jeg jobber i Etat for helse og omsorg.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Inviter kolleger' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Godkjenn forespørselen fra Kari Nordmann' }));
    expect(await screen.findByText('Kari Nordmann er nå medlem.')).toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname === '/api/join-requests/3/approve/' && c.init?.method === 'POST')).toBe(true);
  });

  it('shows the API’s reason when the last administrator tries to leave', async () => {
    mockFetch({
      '/api/auth/session/': sessionFor('admin'),
      '/api/organizations/6/': bergen,
      '/api/organizations/6/members/': { count: 1, results: [members.results[0]] },
      '/api/organizations/6/join-requests/': empty,
      '/api/organizations/6/invitations/': empty,
      '/api/organizations/6/members/11/': () => ({
        status: 400,
        body: { non_field_errors: ['Bergen kommune må ha minst én administrator. Overlat administratorrollen til et annet medlem først.'] },
      }),
      ...counties,
    });
    renderRoute(<OrgPage />, page);
    expect(await screen.findByText(/Du er eneste administrator/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Forlat virksomheten' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, fortsett' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bergen kommune må ha minst én administrator.');
  });

  it('gives an ordinary member of an unverified buyer no admin controls and explains what waits for verification', async () => {
    const unverified = { ...bergen, id: 7, name: 'Nordre Follo kommune', verified: false, verified_at: null, capabilities: ['draft_need'] };
    mockFetch({
      '/api/auth/session/': sessionFor('member', unverified),
      '/api/organizations/7/': unverified,
      '/api/organizations/7/members/': members,
      ...counties,
    });
    renderRoute(<OrgPage />, { path: '/organizations/:id', route: '/organizations/7' });
    expect(await screen.findByRole('heading', { name: 'Venter på verifisering' })).toBeInTheDocument();
    expect(screen.getByText(/Til da kan dere skrive behov som utkast, men ikke publisere dem/)).toBeInTheDocument();
    expect(screen.getByText('Skrive behov som utkast')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Dette kan virksomheten gjøre når den er verifisert' })).toBeInTheDocument();
    expect(screen.getByText('Lese innspillene fra leverandørene, også de konfidensielle')).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Medlemmer' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Gjør til/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Inviter kolleger' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Forespørsler om å bli med' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Forlat virksomheten' })).toBeInTheDocument();
  });

  it('lets an administrator give the public contact: a wrong postcode is named before sending, then it is saved and shown', async () => {
    let stored: Record<string, unknown> = { ...bergen };
    const { calls } = mockFetch({
      '/api/auth/session/': sessionFor('admin'),
      '/api/organizations/6/': (_url: URL, init?: RequestInit) => {
        if (init?.method === 'PATCH') stored = { ...stored, ...(JSON.parse(String(init.body)) as Record<string, unknown>) };
        return { body: stored };
      },
      '/api/organizations/6/members/': members,
      '/api/organizations/6/join-requests/': empty,
      '/api/organizations/6/invitations/': empty,
      ...counties,
    });
    renderRoute(<OrgPage />, page);
    expect(await screen.findByText(/Virksomheten har ikke oppgitt kontaktinformasjon\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Endre profil og kontakt' }));
    const form = screen.getByRole('form', { name: 'Profil og kontakt' });
    await userEvent.type(within(form).getByLabelText(/^Telefon/), '+47 55 56 55 56');
    await userEvent.type(within(form).getByLabelText(/^E-post/), 'postmottak@bergen.kommune.no');
    await userEvent.type(within(form).getByLabelText(/^Postnummer/), '502');
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre profilen' }));
    expect((await within(form).findAllByText(/Et postnummer har nøyaktig 4 sifre\./)).length).toBeGreaterThan(0);
    expect(calls.some((c) => c.init?.method === 'PATCH')).toBe(false);

    await userEvent.type(within(form).getByLabelText(/^Postnummer/), '0');
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre profilen' }));
    expect(await screen.findByText('Profilen er lagret.')).toBeInTheDocument();
    const patch = calls.find((c) => c.init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.init?.body))).toMatchObject({ phone: '+47 55 56 55 56', email: 'postmottak@bergen.kommune.no', postcode: '5020' });
    expect(await screen.findByRole('link', { name: 'postmottak@bergen.kommune.no' })).toHaveAttribute('href', 'mailto:postmottak@bergen.kommune.no');
    expect(screen.getByRole('link', { name: '+47 55 56 55 56' })).toHaveAttribute('href', 'tel:+4755565556');
    expect(screen.getByText('5020')).toBeInTheDocument();
  });

  it("shows the API's reason beside the field when it refuses the contact", async () => {
    mockFetch({
      '/api/auth/session/': sessionFor('admin'),
      '/api/organizations/6/': (_url: URL, init?: RequestInit) =>
        init?.method === 'PATCH' ? { status: 400, body: { email: ['Oppgi en gyldig epost-adresse.'] } } : { body: bergen },
      '/api/organizations/6/members/': members,
      '/api/organizations/6/join-requests/': empty,
      '/api/organizations/6/invitations/': empty,
      ...counties,
    });
    renderRoute(<OrgPage />, page);
    await userEvent.click(await screen.findByRole('button', { name: 'Endre profil og kontakt' }));
    const form = screen.getByRole('form', { name: 'Profil og kontakt' });
    await userEvent.type(within(form).getByLabelText(/^E-post/), 'postmottak.bergen.kommune.no');
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre profilen' }));
    expect((await within(form).findAllByText(/Oppgi en gyldig epost-adresse\./)).length).toBeGreaterThan(0);
    expect(screen.queryByText('Profilen er lagret.')).toBeNull();
  });

  it('shows a visitor the facts, the contact and what the organisation published, and nothing of its members', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': anonymousSession,
      '/api/organizations/6/': { ...bergen, phone: '+47 55 56 55 56', email: 'postmottak@bergen.kommune.no', postcode: '5020' },
      ...counties,
    });
    renderRoute(<OrgPage />, page);
    expect(await screen.findByRole('heading', { level: 1, name: /Bergen kommune/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'postmottak@bergen.kommune.no' })).toBeInTheDocument();
    const published = await screen.findByRole('region', { name: 'Publisert av virksomheten' });
    expect(within(published).getByRole('link', { name: 'Beboere som sitter stille store deler av dagen' })).toHaveAttribute('href', '/needs/9');
    expect(screen.queryByRole('table', { name: 'Medlemmer' })).toBeNull();
    expect(screen.queryByText('Du er ikke medlem av denne virksomheten.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Endre profil og kontakt' })).toBeNull();
    expect(calls.some((c) => c.url.pathname.endsWith('/members/'))).toBe(false);
    const needs = calls.find((c) => c.url.pathname === '/api/needs/');
    expect(needs?.url.searchParams.get('organization')).toBe('6');
    expect(needs?.url.searchParams.get('status')).toBe('published');
  });

  it('gives a visitor a way on when the organisation has published nothing', async () => {
    mockFetch({
      '/api/auth/session/': anonymousSession,
      '/api/organizations/6/': bergen,
      ...counties,
      '/api/needs/': { count: 0, next: null, previous: null, results: [] },
    });
    renderRoute(<OrgPage />, page);
    expect(await screen.findByText(/har ikke publisert behov eller løsninger ennå/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Søk i behov og løsninger' })).toHaveAttribute('href', '/');
  });
});

