import { screen, within } from '@testing-library/react';
import type { Barometer } from './api';
import { anonymousSession, mockFetch, renderRoute } from '../../test/render';
import { BarometerPage } from './barometer-page';

const figures: Barometer = {
  generated_at: '2026-12-05T09:00:00Z',
  period: 'quarter',
  needs_published: 3,
  published_by_period: [
    { period: '2026-Q3', count: 1 },
    { period: '2026-Q4', count: 2 },
  ],
  published_by_sector: [{ period: '2026-Q3', sector: 'helse-og-omsorg', label: 'Helse og omsorg', count: 1 }],
  published_by_county: [{ period: '2026-Q4', county: '46', label: 'Vestland', count: 2 }],
  stage_by_period: [
    { period: '2026-Q3', stage: 'markedsdialog', label: 'Markedsdialog', count: 1 },
    { period: '2026-Q4', stage: 'kontrakt', label: 'Kontrakt', count: 1 },
  ],
  stage_durations: [
    { stage: 'markedsdialog', label: 'Markedsdialog', median_days: 42.5, needs: 2 },
    { stage: 'kontrakt', label: 'Kontrakt', median_days: null, needs: 0 },
  ],
  reached_contract: { needs: 1, of: 3, share: 0.333 },
  gains: [{ type: 'hours_freed', type_label: 'Frigjorte timer', unit: 'hours', unit_label: 'timer', period: 'per_year', period_label: 'per år', total: 1200, cases: 1 }],
  joint_procurements: { groups_active: 1, groups_forming: 0, needs_in_groups: 3, buyers_in_groups: 3 },
  pilots: { wanted: 2, running: 1, completed: 1, cancelled: 0 },
};

describe('BarometerPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each figure with a table and what it counts, and links the open data', async () => {
    mockFetch({ '/api/auth/session/': anonymousSession, '/api/insights/barometer/': figures });
    renderRoute(<BarometerPage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Innovasjonsbarometer' })).toBeInTheDocument();
    const durations = await screen.findByRole('table', { name: 'Hvor lang tid fasene tar' });
    expect(within(durations).getByRole('row', { name: /Markedsdialog 42,5 2/ })).toBeInTheDocument();
    const stages = screen.getByRole('table', { name: 'Behov per fase ved slutten av hver periode' });
    expect(within(stages).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('33,3 %')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Dokumenterte gevinster' })).toHaveTextContent('1 200 timer');
    expect(screen.getByRole('link', { name: 'Last ned CSV' })).toHaveAttribute('href', '/api/insights/barometer/export/?period=quarter');
    expect(screen.getByRole('link', { name: 'Tallene som JSON' })).toHaveAttribute('href', '/api/insights/barometer/?period=quarter');
  });
});
