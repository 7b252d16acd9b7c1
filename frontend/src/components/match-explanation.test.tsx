import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatters } from '../app/format';
import { Providers } from '../app/providers';
import { MatchExplanationView, scorePercent, type Explanation } from './match-explanation';

const forBuyer: Explanation = {
  score: 0.62,
  fit: 'very_good',
  explanation: ['Løser samme behov: «Sensorer varsler nattevakten uten kamera».', 'Ferdig utviklet og i bruk (TRL 9).', 'Tilbys i hele landet.'],
  shared_terms: ['tilsyn', 'kamera'],
  best_pair: ['Vi trenger nattlig tilsyn uten kamera.', 'Sensorer varsler nattevakten uten kamera.'],
};

const forAdvisor: Explanation = {
  ...forBuyer,
  fit: 'weak',
  relevance: 0.31,
  signals: [
    { name: 'dense', value: 0.28, weight: 1, contribution: 0.28 },
    { name: 'sector', value: 1, weight: 0.15, contribution: 0.15 },
  ],
};

describe('MatchExplanationView', () => {
  it('tells a buyer in plain sentences why a suggestion fits, with no signal table and no numbers', () => {
    render(
      <Providers>
        <MatchExplanationView explanation={forBuyer} />
      </Providers>,
    );
    expect(screen.getByText('Hvor godt det passer:', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('Svært god')).toBeInTheDocument();
    expect(
      screen.getByText('Løser samme behov: «Sensorer varsler nattevakten uten kamera». Ferdig utviklet og i bruk (TRL 9). Tilbys i hele landet.'),
    ).toBeInTheDocument();
    const terms = screen.getByRole('list', { name: 'Felles stikkord' });
    expect(within(terms).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['tilsyn', 'kamera']);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText('Detaljer')).not.toBeInTheDocument();
    expect(screen.queryByText(/0,62|62/)).not.toBeInTheDocument();
  });

  it('gives an advisor the signal table, score and relevance behind "Detaljer", and marks a weak pair', async () => {
    render(
      <Providers>
        <MatchExplanationView explanation={forAdvisor} />
      </Providers>,
    );
    expect(screen.getByText('Svak')).toBeInTheDocument();
    expect(screen.getByText(/Vises ikke for kjøper eller leverandør/)).toBeInTheDocument();
    await userEvent.click(screen.getByText('Detaljer'));
    const table = screen.getByRole('table', { name: 'Signaler som ga forslaget' });
    expect(within(table).getByText('dense')).toBeInTheDocument();
    expect(within(table).getAllByText('0,15')).toHaveLength(2);
    expect(screen.getByText('0,62')).toBeInTheDocument();
    expect(screen.getByText('0,31')).toBeInTheDocument();
    expect(screen.getByText('«Sensorer varsler nattevakten uten kamera.»')).toBeInTheDocument();
  });

  it('reads in English when the reader chose English', () => {
    render(
      <Providers lang="en">
        <MatchExplanationView explanation={{ ...forBuyer, fit: 'good', explanation: ['May meet the need.'] }} />
      </Providers>,
    );
    expect(screen.getByText('How well it fits:', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('Good')).toBeInTheDocument();
    expect(screen.getByText('May meet the need.')).toBeInTheDocument();
    expect(screen.getByText('Shared keywords:')).toBeInTheDocument();
  });

  it("formats scores as percent in the reader's language", () => {
    expect(scorePercent(0.823, formatters('nb')).replace(/\u00a0/g, ' ')).toBe('82 %');
    expect(scorePercent(82.3, formatters('en'))).toBe('82%');
  });

  it('names each need of a pair of two needs (joint procurement), never "Fra løsningen"', async () => {
    render(
      <Providers>
        <MatchExplanationView
          explanation={{
            ...forAdvisor,
            kind: 'need_need',
            need: { title: 'Nattlig tilsyn i Bergen' },
            other_need: { title: 'Trygghet om natten i Trondheim' },
          }}
        />
      </Providers>,
    );
    await userEvent.click(screen.getByText('Detaljer'));
    expect(screen.getByText('Fra behovet «Nattlig tilsyn i Bergen»')).toBeInTheDocument();
    expect(screen.getByText('Fra behovet «Trygghet om natten i Trondheim»')).toBeInTheDocument();
    expect(screen.queryByText('Fra løsningen')).not.toBeInTheDocument();
  });

  it('reads "Fra behovet" and "Fra løsningen" for a need and a solution', async () => {
    render(
      <Providers>
        <MatchExplanationView explanation={{ ...forAdvisor, kind: 'need_solution' }} />
      </Providers>,
    );
    await userEvent.click(screen.getByText('Detaljer'));
    expect(screen.getByText('Fra behovet')).toBeInTheDocument();
    expect(screen.getByText('Fra løsningen')).toBeInTheDocument();
  });
});
