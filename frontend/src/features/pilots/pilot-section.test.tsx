import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Need } from '../../api/types';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import type { Pilot } from './api';
import { PilotSection } from './pilot-section';

const need = { id: 7, can_edit: false } as Need;

const pilot: Pilot = {
  id: 1,
  need_id: 7,
  scope: 'Seks skoler kartlegger lesing digitalt.',
  starts_on: '2025-08-15',
  ends_on: '2026-06-20',
  users: 900,
  status: 'completed',
  status_label: 'Fullført',
  results_public: false,
  measures: [{ id: 3, name: 'Elever under bekymringsgrensen', unit: 'percent', unit_label: 'prosent', baseline: 21 }],
  results: [],
  version: 1,
  updated_at: '2026-06-21T10:00:00Z',
};

describe('PilotSection', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a visitor the pilot and its measures, and says the results are not public yet', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession, '/api/needs/7/pilot/': pilot });
    renderRoute(<PilotSection need={{ ...need, has_pilot: true }} />);
    const table = await screen.findByRole('table', { name: 'Hva som måles' });
    expect(within(table).getByRole('row', { name: /Elever under bekymringsgrensen prosent 21 –/ })).toBeInTheDocument();
    expect(screen.getByText('Fullført')).toBeInTheDocument();
    expect(screen.getByText('Kjøperen har ikke publisert resultatene ennå.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Endre piloten' })).toBeNull();
  });

  it('shows nothing to a visitor when the need has no pilot, and does not ask for one', async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession });
    const { container } = renderRoute(<PilotSection need={{ ...need, has_pilot: false }} />);
    expect(container.querySelector('section')).toBeNull();
    await new Promise((done) => setTimeout(done, 100)); // a query would have started by now
    expect(calls.some((c) => c.url.pathname === '/api/needs/7/pilot/')).toBe(false);
  });

  it("checks the buyer's pilot before sending: the end must come after the start", async () => {
    const { calls } = mockFetch({ '/api/auth/session/': anonymousSession });
    renderRoute(<PilotSection need={{ ...need, can_edit: true }} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Be om en pilot' }));
    await userEvent.type(screen.getByLabelText(/Omfang/), 'To sykehjem prøver sensorer.');
    await userEvent.type(screen.getByLabelText(/Startdato/), '2027-03-01');
    await userEvent.type(screen.getByLabelText(/Sluttdato/), '2027-02-01');
    await userEvent.type(screen.getByLabelText(/Antall brukere/), '30');
    await userEvent.type(screen.getByLabelText('Måleområde 1'), 'Fall per måned');
    await userEvent.click(screen.getByRole('button', { name: 'Be om pilot' }));
    expect((await screen.findAllByText(/Piloten må slutte etter at den starter\./)).length).toBeGreaterThan(0);
    expect(calls.some((c) => c.init?.method === 'PUT')).toBe(false);
  });
});
