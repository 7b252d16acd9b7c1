import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoute } from '../../test/render';
import { ResponseAccessLog } from './access-log';

const bergen = { id: 6, name: 'Bergen kommune', kind: 'public_buyer', verified: true, county: '46', municipality: 'Bergen' };
const lup = { id: 9, name: 'LUP', kind: 'advisory', verified: true, county: '', municipality: '' };

describe('ResponseAccessLog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads who read the response when opened', async () => {
    const { calls } = mockFetch({
      '/api/responses/5/access-log/': {
        count: 2,
        results: [
          { id: 2, reader_name: 'Ingrid Haugland', organization: bergen, via: 'need', via_label: 'Innspillene til behovet', read_at: '2026-12-01T09:30:00Z' },
          { id: 1, reader_name: '', organization: lup, via: 'detail', via_label: 'Innspillet', read_at: '2026-11-30T14:00:00Z' },
        ],
      },
    });
    renderRoute(<ResponseAccessLog responseId={5} />);
    expect(calls.some((c) => c.url.pathname === '/api/responses/5/access-log/')).toBe(false);
    await userEvent.click(screen.getByText('Hvem har lest innspillet'));
    const rows = await screen.findAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'PersonVirksomhetTidspunktLest gjennom',
      'Ingrid HauglandBergen kommune1. desember 2026 kl. 10:30 CETInnspillene til behovet',
      'Slettet brukerLUP30. november 2026 kl. 15:00 CETInnspillet',
    ]);
  });

  it('says so when nobody has read it', async () => {
    mockFetch({ '/api/responses/5/access-log/': { count: 0, results: [] } });
    renderRoute(<ResponseAccessLog responseId={5} />);
    await userEvent.click(screen.getByText('Hvem har lest innspillet'));
    expect(await screen.findByText('Ingen utenfor leverandøren har lest innspillet ennå. Hver gang noen gjør det, står det her.')).toBeInTheDocument();
  });
});
