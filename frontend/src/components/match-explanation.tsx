import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { MatchExplanation as Explanation } from '../api/types';
import type { Formatters } from '../app/format';
import { useI18n } from '../app/i18n';
import { TableScroll } from './table-scroll';

/** A score (0–1, or already in percent) as "82 %" / "82%". */
export function scorePercent(score: number | undefined, fmt: Formatters): string {
  if (score === undefined || !Number.isFinite(score)) return '';
  return fmt.percent(score <= 1 ? score : score / 100);
}

/** Why a pair was suggested: the signals, shared terms and the best matching sentences. */
export function MatchExplanationView({ explanation }: { explanation: Partial<Explanation> | undefined }) {
  const { t, fmt } = useI18n();
  const num = (value: number) => fmt.number(value, 2);
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
          <dd>{fmt.quote(pair[0] ?? '')}</dd>
          <dt>{t('match.solutionSentence')}</dt>
          <dd>{fmt.quote(pair[1] ?? '')}</dd>
        </dl>
      ) : null}
    </div>
  );
}
