import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoute } from '../../test/render';
import { ResponseFormPage } from './response-form-page';

const supplierSession = {
  csrf_token: 't',
  user: { id: 5, email: 'grunder@helsetek.no', full_name: 'Sara Nilsen', roles: ['supplier'], is_advisor: false, memberships: [{ id: 1, organization: { id: 9, name: 'Helsetek AS', kind: 'supplier' } }] },
};
const need = { id: 4, title: 'Trygghet hjemme', description: '', cpv_codes: [], co_buyers: [], conferences: [], organization: { id: 2, name: 'Skien kommune', kind: 'public_buyer' }, can_edit: false, dialogue_open: true, status: 'published' };

describe('ResponseFormPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is confidential by default and says so clearly', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': supplierSession, '/api/needs/4/': need, '/api/responses/': () => ({ status: 201, body: { id: 1 } }) });
    renderRoute(<ResponseFormPage />, { path: '/needs/:id/respond', route: '/needs/4/respond' });
    expect(await screen.findByRole('heading', { name: 'Innspillet er konfidensielt' })).toBeInTheDocument();
    const toggle = screen.getByRole('switch', { name: 'Konfidensielt' });
    expect(toggle).toBeChecked();
    await userEvent.type(screen.getByRole('textbox', { name: 'Kort oppsummering' }), 'Kort');
    await userEvent.type(screen.getByRole('textbox', { name: 'Avsnitt 1' }), 'Lang tekst');
    await userEvent.click(screen.getByRole('button', { name: 'Send innspill' }));
    expect(await screen.findByText('Innspillet er sendt.')).toBeInTheDocument();
    const body = JSON.parse(String(calls.find((c) => c.init?.method === 'POST')?.init?.body));
    expect(body).toEqual({ need: 4, organization: 9, summary: 'Kort', sections: [{ text: 'Lang tekst', business_secret: false, reason: '' }], confidential: true });
  });

  it('marks a section as a business secret with its reason, which keeps the response confidential', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': supplierSession, '/api/needs/4/': need, '/api/responses/': () => ({ status: 201, body: { id: 1 } }) });
    renderRoute(<ResponseFormPage />, { path: '/needs/:id/respond', route: '/needs/4/respond' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Kort oppsummering' }), 'Kort');
    await userEvent.click(screen.getByRole('switch', { name: 'Konfidensielt' }));
    expect(screen.getByRole('switch', { name: 'Konfidensielt' })).not.toBeChecked();
    await userEvent.type(screen.getByRole('textbox', { name: 'Avsnitt 1' }), 'Det vi kan dele');
    await userEvent.click(screen.getByRole('button', { name: 'Legg til avsnitt' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Avsnitt 2' }), 'Prisen er 900 kroner');
    await userEvent.click(screen.getByRole('switch', { name: 'Avsnitt 2 er en forretningshemmelighet' }));
    expect(screen.getByRole('switch', { name: 'Konfidensielt' })).toBeChecked();
    expect(screen.getByText('Et innspill med forretningshemmeligheter er alltid konfidensielt.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Begrunnelse for avsnitt 2' }), 'Prismodellen er sensitiv');
    await userEvent.click(screen.getByRole('button', { name: 'Send innspill' }));
    expect(await screen.findByText('Innspillet er sendt.')).toBeInTheDocument();
    const body = JSON.parse(String(calls.find((c) => c.init?.method === 'POST')?.init?.body));
    expect(body.confidential).toBe(true);
    expect(body.sections).toEqual([
      { text: 'Det vi kan dele', business_secret: false, reason: '' },
      { text: 'Prisen er 900 kroner', business_secret: true, reason: 'Prismodellen er sensitiv' },
    ]);
  });
});
