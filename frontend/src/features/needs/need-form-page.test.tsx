import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoute } from '../../test/render';
import { NeedFormPage } from './need-form-page';

const buyerSession = {
  csrf_token: 't',
  user: {
    id: 1,
    email: 'innkjoper@bergen.kommune.no',
    full_name: 'Ingrid Haugland',
    roles: ['buyer'],
    is_advisor: false,
    memberships: [{ id: 1, organization: { id: 2, name: 'Bergen kommune', kind: 'public_buyer', org_number: '974760673', kind_label: 'Offentlig innkjøper', created_at: '' } }],
  },
};

const refs = {
  '/api/reference/sectors/': [{ code: 'helse-og-omsorg', label: 'Helse og omsorg' }],
  '/api/reference/counties/': [{ code: '46', label: 'Vestland' }],
  '/api/reference/stages/': [{ code: 'behovsavklaring', label: 'Behovsavklaring' }],
  '/api/reference/procedures/': [{ code: 'uavklart', label: 'Ikke avklart' }],
  '/api/organizations/': { count: 1, results: [{ id: 3, name: 'Trondheim kommune', kind: 'public_buyer' }] },
};

describe('NeedFormPage (guided, LUP method)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('coaches to describe the need, not the product, with hints and examples', async () => {
    mockFetch({ '/api/auth/session/': buyerSession, ...refs });
    renderRoute(<NeedFormPage />, { path: '/needs/new', route: '/needs/new' });
    expect(await screen.findByRole('heading', { name: 'Beskriv behovet – ikke produktet' })).toBeInTheDocument();
    expect(screen.getByText(/Eksempel: «Færre fall blant eldre som bor hjemme»/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Ønsket effekt' })).toBeRequired();
    await userEvent.type(screen.getByRole('textbox', { name: 'Tittel' }), 'Vi trenger en app');
    expect(await screen.findByText(/Teksten nevner app/)).toBeInTheDocument();
    expect(await screen.findByRole('checkbox', { name: 'Trondheim kommune' })).toBeInTheDocument();
  });

  it('sends the guided form to the API and shows field errors from a 400', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': buyerSession,
      ...refs,
      '/api/needs/': () => ({ status: 400, body: { title: ['Tittelen er for kort.'] } }),
    });
    renderRoute(<NeedFormPage />, { path: '/needs/new', route: '/needs/new' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Tittel' }), 'Fall');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre som utkast' }));
    expect(await screen.findByText('Rett opp dette før du lagrer:')).toBeInTheDocument();
    expect(screen.getAllByText(/Tittelen er for kort\./).length).toBeGreaterThan(0);
    const post = calls.find((c) => c.init?.method === 'POST');
    expect(JSON.parse(String(post?.init?.body))).toMatchObject({ organization: 2, title: 'Fall', stage: 'behovsavklaring' });
  });

  it('keeps co-buyers that have not answered yet, marked as awaiting an answer, when saving', async () => {
    const need = {
      id: 9,
      title: 'Solstrøm på tak som ikke tåler tradisjonelle anlegg',
      description: 'Mange kommunale bygg har tak som ikke tåler vekten av vanlige solcelleanlegg.',
      desired_effect: 'Mer egenprodusert strøm uten å forsterke takene.',
      sector: { code: 'helse-og-omsorg', label: 'Helse og omsorg' },
      cpv_codes: [],
      county: { code: '46', label: 'Vestland' },
      municipality: 'Bergen',
      stage: { code: 'behovsavklaring', label: 'Behovsavklaring' },
      procedure: { code: 'uavklart', label: 'Ikke avklart' },
      organization: { id: 2, name: 'Bergen kommune', kind: 'public_buyer', verified: true },
      co_buyers: [],
      pending_co_buyers: [{ id: 3, name: 'Trondheim kommune', kind: 'public_buyer', verified: true }],
      can_edit: true,
    };
    const { calls } = mockFetch({
      '/api/auth/session/': buyerSession,
      ...refs,
      '/api/needs/9/': need,
    });
    renderRoute(<NeedFormPage />, { path: '/needs/:id/edit', route: '/needs/9/edit' });
    const trondheim = await screen.findByRole('checkbox', { name: 'Trondheim kommune' });
    expect(trondheim).toBeChecked();
    expect(screen.getByText('Venter på svar')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await vi.waitFor(() => expect(calls.some((c) => c.init?.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.init?.body)).co_buyer_ids).toEqual([3]);
  });
});
