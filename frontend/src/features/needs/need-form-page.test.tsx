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

/** Fills what the form requires: a title, a description of at least 40 characters, a sector. */
async function fillValidNeed(title: string) {
  await userEvent.click(await screen.findByRole('textbox', { name: 'Tittel' }));
  await userEvent.paste(title);
  await userEvent.click(screen.getByRole('textbox', { name: 'Beskrivelse av behovet' }));
  await userEvent.paste('Hjemmetjenesten oppdager fall for sent, og mange ligger lenge.');
  await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Sektor' }), 'helse-og-omsorg');
}

describe('NeedFormPage (guided, LUP method)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('coaches to describe the need, not the product, with hints and examples', async () => {
    mockFetch({ '/api/auth/session/': buyerSession, ...refs });
    renderRoute(<NeedFormPage />, { path: '/needs/new', route: '/needs/new' });
    expect(await screen.findByRole('heading', { name: 'Beskriv behovet – ikke produktet' })).toBeInTheDocument();
    expect(screen.getByText(/Eksempel: «Færre fall blant eldre som bor hjemme»/)).toBeInTheDocument();
    // Required fields are marked, and only the ones the server requires too.
    expect(screen.getByRole('textbox', { name: 'Tittel' })).toBeRequired();
    expect(screen.getByRole('textbox', { name: 'Beskrivelse av behovet' })).toBeRequired();
    expect(screen.getByRole('combobox', { name: 'Sektor' })).toBeRequired();
    expect(screen.getByRole('textbox', { name: 'Ønsket effekt' })).not.toBeRequired();
    expect(screen.getAllByText('Må fylles ut')).toHaveLength(3);
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
    await fillValidNeed('Fall');
    await userEvent.type(screen.getByRole('textbox', { name: 'Budsjett fra' }), '2 mill.');
    await userEvent.type(screen.getByRole('textbox', { name: 'Budsjett til' }), '2 500 000 kr');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre som utkast' }));
    expect(await screen.findByText('Rett opp dette før du lagrer:')).toBeInTheDocument();
    expect(screen.getAllByText(/Tittelen er for kort\./).length).toBeGreaterThan(0);
    const post = calls.find((c) => c.init?.method === 'POST');
    expect(JSON.parse(String(post?.init?.body))).toMatchObject({
      organization: 2,
      title: 'Fall',
      stage: 'behovsavklaring',
      sector: 'helse-og-omsorg',
      budget_min: 2_000_000,
      budget_max: 2_500_000,
    });
  });

  it('checks the required fields before sending, and each summary item moves focus to its field', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': buyerSession, ...refs });
    renderRoute(<NeedFormPage />, { path: '/needs/new', route: '/needs/new' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Beskrivelse av behovet' }), 'For kort.');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre som utkast' }));
    expect(await screen.findByText('Rett opp dette før du lagrer:')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Beskrivelse av behovet: Beskriv behovet med minst 40 tegn.' });
    expect(screen.getByRole('link', { name: 'Tittel: Skriv en tittel på behovet.' })).toHaveAttribute('href', '#need-title');
    expect(screen.getByRole('link', { name: 'Sektor: Velg sektoren behovet hører til.' })).toBeInTheDocument();
    await userEvent.click(link);
    expect(screen.getByRole('textbox', { name: 'Beskrivelse av behovet' })).toHaveFocus();
    expect(calls.some((c) => c.init?.method === 'POST')).toBe(false);
  });

  it('shows the 40-character minimum before sending, counting as the buyer types', async () => {
    mockFetch({ '/api/auth/session/': buyerSession, ...refs });
    renderRoute(<NeedFormPage />, { path: '/needs/new', route: '/needs/new' });
    const description = await screen.findByRole('textbox', { name: 'Beskrivelse av behovet' });
    expect(screen.getByTestId('length-count')).toHaveTextContent('0 av minst 40 tegn');
    await userEvent.type(description, 'Hjemmetjenesten oppdager fall for sent.');
    expect(screen.getByTestId('length-count')).toHaveTextContent('39 av minst 40 tegn');
    await userEvent.type(description, '!');
    expect(screen.getByTestId('length-count')).toHaveTextContent('40 tegn – minst 40 er nådd');
  });

  it('says that a budget takes numbers, with an example, when it is written in words', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': buyerSession, ...refs });
    renderRoute(<NeedFormPage />, { path: '/needs/new', route: '/needs/new' });
    await fillValidNeed('Færre fall blant eldre som bor hjemme');
    await userEvent.type(screen.getByRole('textbox', { name: 'Budsjett fra' }), 'to millioner');
    await userEvent.type(screen.getByRole('textbox', { name: 'Budsjett til' }), '1 000');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre som utkast' }));
    expect(
      await screen.findByRole('link', { name: 'Budsjett fra: Skriv beløpet med tall, ikke med ord – for eksempel 2 000 000 eller 2 mill.' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Budsjett fra' })).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.init?.method === 'POST')).toBe(false);
  });

  it('speaks English in English, with the same rules', async () => {
    mockFetch({ '/api/auth/session/': buyerSession, ...refs });
    renderRoute(<NeedFormPage />, { path: '/needs/new', route: '/needs/new', lang: 'en' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Budget from' }), 'two million');
    await userEvent.click(screen.getByRole('button', { name: 'Save as draft' }));
    expect(await screen.findByRole('link', { name: 'Title: Enter a title for the need.' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Budget from: Write the amount in digits, not in words – for example 2,000,000 or 2 million.' })).toBeInTheDocument();
    expect(screen.getAllByText('Required')).toHaveLength(3);
    expect(screen.getByTestId('length-count')).toHaveTextContent('0 of at least 40 characters');
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
