import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Need } from '../../api/types';
import { mockFetch, renderRoute } from '../../test/render';
import { NoticeExports } from './notice-exports';

const bergen = { id: 2, name: 'Bergen kommune', kind: 'public_buyer', verified: true };

function need(overrides: Partial<Need> = {}): Need {
  return {
    id: 9,
    title: 'Beboere som sitter stille store deler av dagen',
    description: 'Mange beboere er fysisk inaktive nesten hele dagen.',
    language: 'nb',
    status: 'published',
    organization: bergen,
    can_edit: true,
    ...overrides,
  } as Need;
}

describe('NoticeExports', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the buyer the eForms notice and the OCDS file, and the English text form', async () => {
    mockFetch({ '/api/auth/session/': { csrf_token: 't', user: null }, '/api/needs/9/notice-texts/': [] });
    renderRoute(<NoticeExports need={need()} />);
    const pin = await screen.findByRole('link', { name: 'Last ned forhåndskunngjøring (eForms)' });
    expect(pin).toHaveAttribute('href', '/api/needs/9/notice.xml');
    expect(pin).toHaveAttribute('download');
    expect(screen.getByRole('link', { name: 'OCDS (JSON)' })).toHaveAttribute('href', '/api/needs/9/ocds.json');
    expect(await screen.findByRole('form', { name: 'Tittel og beskrivelse på engelsk' })).toBeInTheDocument();
  });

  it('gives anyone else the OCDS file only', async () => {
    mockFetch({ '/api/auth/session/': { csrf_token: 't', user: null } });
    renderRoute(<NoticeExports need={need({ can_edit: false })} />);
    expect(await screen.findByRole('link', { name: 'OCDS (JSON)' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Last ned forhåndskunngjøring (eForms)' })).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('says a draft is announced once published, and shows nothing to others', async () => {
    mockFetch({ '/api/auth/session/': { csrf_token: 't', user: null }, '/api/needs/9/notice-texts/': [] });
    const { unmount } = renderRoute(<NoticeExports need={need({ status: 'draft' })} />);
    expect(await screen.findByText(/Publiser behovet først/)).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
    unmount();
    renderRoute(<NoticeExports need={need({ status: 'draft', can_edit: false })} />);
    expect(screen.queryByRole('heading', { name: 'Kunngjøring og åpne data' })).toBeNull();
  });

  it('saves the English title and description', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': { csrf_token: 't', user: null },
      '/api/needs/9/notice-texts/': [],
      '/api/needs/9/notice-texts/en/': { language: 'en', title: 'Residents who sit still', description: 'Many residents are inactive.', updated_at: '2026-12-05T10:00:00Z' },
    });
    renderRoute(<NoticeExports need={need()} />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Tittel' }), 'Residents who sit still');
    await userEvent.type(screen.getByRole('textbox', { name: 'Beskrivelse' }), 'Many residents are inactive.');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre teksten' }));
    await waitFor(() => expect(calls.some((c) => c.init?.method === 'PUT' && c.url.pathname === '/api/needs/9/notice-texts/en/')).toBe(true));
    expect(await screen.findByText('Teksten er lagret. Kunngjøringene er nå på to språk.')).toBeInTheDocument();
  });
});
