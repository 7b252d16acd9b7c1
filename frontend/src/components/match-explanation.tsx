import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { MatchExplanation as Explanation } from '../api/types';
import { formatNumber } from '../app/format';
import { useI18n } from '../app/i18n';
import { TableScroll } from './table-scroll';

export function scorePercent(score: number | undefined): string {
  if (score === undefined || !Number.isFinite(score)) return '';
  const pct = score <= 1 ? score * 100 : score;
  return `${formatNumber(Math.round(pct))} %`;
}

function num(value: number): string {
  return new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }).format(value);
}

/** Why a pair was suggested: the signals, shared terms and the best matching sentences. */
export function MatchExplanationView({ explanation }: { explanation: Partial<Explanation> | undefined }) {
  const { t } = useI18n();
  if (!explanation) return <Paragraph data-size="sm">{t('match.noExplanation')}</Paragraph>;
  const signals = explanation.signals ?? [];
  const terms = explanation.shared_terms ?? [];
  const pair = explanation.best_pair ?? null;
  return (
    <div className="stack">
      {signals.length > 0 ? (
        <TableScroll label={t('match.signals')}>
          <Table data-size="sm" className="signals">
            <caption>{t('match.signals')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('match.signal')}</Table.HeaderCell>
                <Table.HeaderCell>{t('match.value')}</Table.HeaderCell>
                <Table.HeaderCell>{t('match.weight')}</Table.HeaderCell>
                <Table.HeaderCell>{t('match.contribution')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {signals.map((s) => (
                <Table.Row key={s.name}>
                  <Table.Cell>{s.name}</Table.Cell>
                  <Table.Cell>{num(s.value)}</Table.Cell>
                  <Table.Cell>{num(s.weight)}</Table.Cell>
                  <Table.Cell>{num(s.contribution)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {terms.length > 0 ? (
        <div>
          <Paragraph data-size="sm">{t('match.sharedTerms')}</Paragraph>
          <ul className="row" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {terms.map((term) => (
              <li key={term}>
                <Tag variant="outline">{term}</Tag>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {pair && pair.length >= 2 ? (
        <dl className="dl">
          <dt>{t('match.needSentence')}</dt>
          <dd>«{pair[0]}»</dd>
          <dt>{t('match.solutionSentence')}</dt>
          <dd>«{pair[1]}»</dd>
        </dl>
      ) : null}
    </div>
  );
}
