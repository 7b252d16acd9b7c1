import { Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n';
import { TableScroll } from '../../components/table-scroll';
import type { GainItem } from './api';
import { useCasesText } from './texts';

/** An amount in its unit, as a reader says it: "850 000 kr", "1 200 timer", "12 tonn CO2e". */
export function gainAmount(gain: GainItem, fmt: ReturnType<typeof useI18n>['fmt']): string {
  if (gain.unit?.code === 'nok') return fmt.currency(gain.amount);
  return `${fmt.number(gain.amount, 2)} ${gain.unit?.label ?? ''}`.trim();
}

/** Who benefits, with the sector when another sector does. */
export function gainBeneficiary(gain: GainItem): string {
  const who = gain.beneficiary?.label ?? '';
  return gain.beneficiary_sector ? `${who}: ${gain.beneficiary_sector.label}` : who;
}

/** The case's documented gains as a readable table: what, how much, over which period, for
 * whom and how it was measured. Scrolls inside its own box on a phone. */
export function GainTable({ gains }: { gains: GainItem[] }) {
  const { fmt } = useI18n();
  const { tc } = useCasesText();
  return (
    <TableScroll label={tc('gains.title')}>
      <Table data-size="sm" className="gains">
        <caption className="visually-hidden">{tc('gains.title')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{tc('gains.type')}</Table.HeaderCell>
            <Table.HeaderCell>{tc('gains.amount')}</Table.HeaderCell>
            <Table.HeaderCell>{tc('gains.period')}</Table.HeaderCell>
            <Table.HeaderCell>{tc('gains.beneficiary')}</Table.HeaderCell>
            <Table.HeaderCell>{tc('gains.measurement')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {gains.map((g) => (
            <Table.Row key={g.id}>
              <Table.Cell>
                <strong>{g.type?.label}</strong>
                {g.description ? <div>{g.description}</div> : null}
              </Table.Cell>
              <Table.Cell>{gainAmount(g, fmt)}</Table.Cell>
              <Table.Cell>{g.period?.label}</Table.Cell>
              <Table.Cell>{gainBeneficiary(g)}</Table.Cell>
              <Table.Cell>{g.measurement}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
