import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoute } from '../../test/render';
import { sessionFor } from '../organizations/fixtures';
import { CoBuyerRequests } from './co-buyer-requests';

const brief = (id: number, name: string) => ({ id, name, kind: 'public_buyer', verified: true, county: '', municipality: '' });
const incoming = {
  id: 21,
  need: { id: 31, title: 'Nattlig tilsyn som ikke vekker beboerne', status: 'published' },
  owner: brief(8, 'Trondheim kommune'),
  organization: brief(6, 'Bergen kommune'),
  status: 'pending',
  status_label: 'Venter',
  created_at: '2026-11-30T10:00:00+01:00',
  decided_at: null,
};
const sent = { ...incoming, id: 22, need: { id: 32, title: 'Solstrøm på tak', status: 'published' }, owner: brief(6, 'Bergen kommune'), organization: brief(8, 'Trondheim kommune') };

describe('CoBuyerRequests', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('explains what accepting means and lets an administrator accept', async () => {
    const { calls } = mockFetch({
      '/api/auth/session/': sessionFor('admin'),
      '/api/co-buyer-requests/': { count: 2, results: [incoming, sent] },
      '/api/co-buyer-requests/21/accept/': { ...incoming, status: 'approved' },
    });
    renderRoute(<CoBuyerRequests />);
    expect(await screen.findByText(/kan virksomheten deres lese behovets utkast og leverandørenes innspill – også de konfidensielle/)).toBeInTheDocument();
    expect(await screen.findByText('Trondheim kommune ber Bergen kommune være medinnkjøper')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Trondheim kommune er spurt om å være medinnkjøper på «Solstrøm på tak»' })).toHaveAttribute('href', '/needs/32');
    await userEvent.click(screen.getByRole('button', { name: 'Godta å være medinnkjøper på «Nattlig tilsyn som ikke vekker beboerne»' }));
    expect(await screen.findByText('Bergen kommune er nå medinnkjøper på «Nattlig tilsyn som ikke vekker beboerne».')).toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname === '/api/co-buyer-requests/21/accept/' && c.init?.method === 'POST')).toBe(true);
    expect(calls.find((c) => c.url.pathname === '/api/co-buyer-requests/')?.url.searchParams.get('status')).toBe('pending');
  });

  it('tells an ordinary member that the administrators decide', async () => {
    mockFetch({ '/api/auth/session/': sessionFor('member'), '/api/co-buyer-requests/': { count: 1, results: [incoming] } });
    renderRoute(<CoBuyerRequests />);
    expect(await screen.findByText('Bare administratorene av Bergen kommune kan godta eller avslå.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Godta/ })).not.toBeInTheDocument();
  });
});
