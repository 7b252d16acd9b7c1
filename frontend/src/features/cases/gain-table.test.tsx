import { render, screen, within } from '@testing-library/react';
import { formatters } from '../../app/format';
import { Providers } from '../../app/providers';
import type { GainItem } from './api';
import { gainAmount, gainBeneficiary, GainTable } from './gain-table';

const money: GainItem = {
  id: 1,
  type: { code: 'money_saved', label: 'Sparte penger' },
  description: 'Færre ambulanseutrykninger etter fall',
  amount: '1100000.00',
  unit: { code: 'nok', label: 'kroner' },
  period: { code: 'per_year', label: 'per år' },
  beneficiary: { code: 'other_sector', label: 'en annen sektor' },
  beneficiary_sector: { code: 'samfunnssikkerhet-og-beredskap', label: 'Samfunnssikkerhet og beredskap' },
  measurement: 'Utrykninger registrert av AMK.',
};

const co2: GainItem = {
  ...money,
  id: 2,
  type: { code: 'co2_reduced', label: 'Redusert CO2' },
  description: '',
  amount: '61.50',
  unit: { code: 'tonnes_co2e', label: 'tonn CO2e' },
  beneficiary: { code: 'citizens', label: 'innbyggerne' },
  beneficiary_sector: null,
};

describe('GainTable', () => {
  it('reads each gain with its amount in its unit, period and who benefits', () => {
    render(
      <Providers>
        <GainTable gains={[money, co2]} />
      </Providers>,
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('Sparte penger');
    expect(rows[1]).toHaveTextContent('en annen sektor: Samfunnssikkerhet og beredskap');
    expect(rows[2]).toHaveTextContent('61,5 tonn CO2e');
    expect(rows[2]).toHaveTextContent('innbyggerne');
    // the table scrolls in its own named box on a narrow screen
    expect(screen.getByRole('region', { name: 'Gevinster' })).toBeInTheDocument();
  });

  it('writes kroner as money and other units after the number', () => {
    const nb = formatters('nb');
    expect(gainAmount(money, nb).replace(/\s/g, ' ')).toBe('1 100 000 kr');
    expect(gainAmount(co2, formatters('en'))).toBe('61.5 tonn CO2e');
    expect(gainBeneficiary(co2)).toBe('innbyggerne');
  });
});
