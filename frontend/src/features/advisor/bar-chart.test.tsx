import { render, screen } from '@testing-library/react';
import { Providers } from '../../app/providers';
import { BarChart } from './bar-chart';

describe('BarChart', () => {
  it('is an image with a text summary and a table of the same numbers', () => {
    render(
      <Providers>
        <BarChart title="Behov per fase" bars={[{ label: 'Markedsdialog', count: 4 }, { label: 'Konkurranse', count: 1200 }]} />
      </Providers>,
    );
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toMatch(/Behov per fase\. Markedsdialog: 4; Konkurranse: 1\s200/);
    expect(screen.getByRole('table', { name: 'Behov per fase' })).toBeInTheDocument();
  });
});
