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
    await userEvent.type(screen.getByRole('textbox', { name: 'Innspill' }), 'Lang tekst');
    await userEvent.click(screen.getByRole('button', { name: 'Send innspill' }));
    expect(await screen.findByText('Innspillet er sendt.')).toBeInTheDocument();
    const body = JSON.parse(String(calls.find((c) => c.init?.method === 'POST')?.init?.body));
    expect(body).toEqual({ need: 4, organization: 9, summary: 'Kort', body: 'Lang tekst', confidential: true });
  });
});
