import { Details, Table } from '@digdir/designsystemet-react';
import { useAdvisorI18n } from './texts';

export type Bar = { label: string; count: number };

/**
 * Horizontal bar chart in HTML: one role="img" with a text summary, and the same numbers as a
 * table for screen readers and keyboard users. Labels wrap instead of being cut: beside the bars
 * on a wide screen, above each bar on a phone (styles.css, .bar-chart).
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const { t, fmt } = useAdvisorI18n();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const summary = bars.map((b) => `${b.label}: ${fmt.number(b.count)}`).join('; ');
  if (bars.length === 0) return <p>{t('advisor.pipeline.noData')}</p>;
  return (
    <figure className="stack" style={{ margin: 0 }}>
      <div className="bar-chart" role="img" aria-label={`${title}. ${summary}`}>
        {bars.map((b) => (
          <div key={b.label} className="bar-chart__row">
            <span className="bar-chart__label">{b.label}</span>
            <span className="bar-chart__track">
              <span className="bar-chart__bar" style={{ width: `${Math.max((b.count / max) * 100, 0.5)}%` }} />
            </span>
            <span className="bar-chart__value">{fmt.number(b.count)}</span>
          </div>
        ))}
      </div>
      <Details>
        <Details.Summary>{t('advisor.pipeline.showTable', { title })}</Details.Summary>
        <Details.Content>
          <Table data-size="sm">
            <caption>{title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('advisor.pipeline.category')}</Table.HeaderCell>
                <Table.HeaderCell>{t('advisor.pipeline.count')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {bars.map((b) => (
                <Table.Row key={b.label}>
                  <Table.Cell>{b.label}</Table.Cell>
                  <Table.Cell>{fmt.number(b.count)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Details.Content>
      </Details>
    </figure>
  );
}
