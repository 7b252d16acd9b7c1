import { render, screen } from '@testing-library/react';
import { formatters } from '../app/format';
import { Providers } from '../app/providers';
import { MatchExplanationView, scorePercent } from './match-explanation';

describe('MatchExplanationView', () => {
  it('shows signals, shared terms and the best sentence pair', () => {
    render(
      <Providers>
        <MatchExplanationView
          explanation={{
            score: 0.82,
            signals: [{ name: 'semantic', value: 0.9, weight: 0.6, contribution: 0.54 }],
            shared_terms: ['fall', 'eldre'],
            best_pair: ['Eldre faller hjemme.', 'Vi varsler fall automatisk.'],
          }}
        />
      </Providers>,
    );
    expect(screen.getByRole('table', { name: 'Signaler som ga forslaget' })).toBeInTheDocument();
    expect(screen.getByText('0,54')).toBeInTheDocument();
    expect(screen.getByText('eldre')).toBeInTheDocument();
    expect(screen.getByText('«Vi varsler fall automatisk.»')).toBeInTheDocument();
  });

  it('formats scores as percent in the reader\'s language', () => {
    expect(scorePercent(0.823, formatters('nb')).replace(/\u00a0/g, ' ')).toBe('82 %');
    expect(scorePercent(82.3, formatters('en'))).toBe('82%');
  });
});
