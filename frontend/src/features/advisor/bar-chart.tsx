import { Details, Table } from '@digdir/designsystemet-react';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';

export type Bar = { label: string; count: number };

/**
 * Horizontal bar chart as plain SVG: one role="img" with a text summary,
 * and the same numbers as a table for screen readers and keyboard users.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const rowH = 28;
  const labelW = 170;
  const width = 560;
  const barW = width - labelW - 50;
  const summary = bars.map((b) => `${b.label}: ${formatNumber(b.count)}`).join('; ');
  if (bars.length === 0) return <p>{t('advisor.pipeline.noData')}</p>;
  return (
    <figure className="stack" style={{ margin: 0 }}>
      <svg className="chart" viewBox={`0 0 ${width} ${bars.length * rowH + 8}`} role="img" aria-label={`${title}. ${summary}`}>
        {bars.map((b, i) => {
          const w = Math.round((b.count / max) * barW);
          const y = i * rowH + 4;
          return (
            <g key={b.label} aria-hidden="true">
              <text x={labelW - 8} y={y + rowH / 2 + 4} textAnchor="end">
                {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
              </text>
              <rect className="bar" x={labelW} y={y + 4} width={Math.max(w, 2)} height={rowH - 10} rx={2} />
              <text x={labelW + Math.max(w, 2) + 6} y={y + rowH / 2 + 4}>
                {formatNumber(b.count)}
              </text>
            </g>
          );
        })}
      </svg>
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
                  <Table.Cell>{formatNumber(b.count)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Details.Content>
      </Details>
    </figure>
  );
}
