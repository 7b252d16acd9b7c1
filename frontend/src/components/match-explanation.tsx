import { Details, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Match } from '../api/types';
import type { Formatters } from '../app/format';
import { useI18n, type MessageKey } from '../app/i18n';
import { TableScroll } from './table-scroll';

/** What the explanation view reads from a match. `signals` and `relevance` come to advisors
 * only: they open the "Detaljer" disclosure. */
export type Explanation = Pick<Match, 'score' | 'fit' | 'explanation' | 'shared_terms' | 'best_pair' | 'signals' | 'relevance' | 'kind'> & {
  need?: { title: string };
  other_need?: { title: string } | null;
};
export type Fit = Match['fit'];

const FIT_COLOR: Record<Fit, 'success' | 'info' | 'warning'> = { very_good: 'success', good: 'info', weak: 'warning' };

/** A score (0–1, or already in percent) as "82 %" / "82%". */
export function scorePercent(score: number | undefined, fmt: Formatters): string {
  if (score === undefined || !Number.isFinite(score)) return '';
  return fmt.percent(score <= 1 ? score : score / 100);
}

/** How well a suggestion fits, in a word: "Hvor godt det passer: Svært god". */
export function FitLabel({ fit }: { fit: Fit }) {
  const { t } = useI18n();
  return (
    <span className="match-fit">
      {t('match.fit')}:{' '}
      <Tag data-color={FIT_COLOR[fit]} data-size="sm">
        {t(`match.fitLevels.${fit}` as MessageKey)}
      </Tag>
    </span>
  );
}

/** Where each sentence of the best-matching pair comes from (the pair reads need first): the
 * need and the solution, or, for two needs (joint procurement), each need by its title. */
function pairSources(explanation: Partial<Explanation>, t: (key: MessageKey, vars?: Record<string, string>) => string, fmt: Formatters): [string, string] {
  if (explanation.kind === 'need_need') {
    const first = explanation.need?.title;
    const second = explanation.other_need?.title;
    return [
      first ? t('match.needTitledSentence', { title: fmt.quote(first) }) : t('match.needSentence'),
      second ? t('match.needTitledSentence', { title: fmt.quote(second) }) : t('match.otherNeedSentence'),
    ];
  }
  return [t('match.needSentence'), t('match.solutionSentence')];
}

/** The engine's workings, for advisors: the score, the relevance, each signal's value, weight
 * and contribution, and the best-matching pair of sentences. */
function Workings({ explanation }: { explanation: Partial<Explanation> }) {
  const { t, fmt } = useI18n();
  const num = (value: number) => fmt.number(value, 2);
  const signals = explanation.signals ?? [];
  const pair = explanation.best_pair ?? [];
  const [firstSource, secondSource] = pairSources(explanation, t, fmt);
  return (
    <Details>
      <Details.Summary>{t('match.details')}</Details.Summary>
      <Details.Content>
        <div className="stack">
          <dl className="dl">
            {explanation.score !== undefined ? (
              <>
                <dt>{t('match.score')}</dt>
                <dd>{num(explanation.score)}</dd>
              </>
            ) : null}
            {explanation.relevance !== undefined ? (
              <>
                <dt>{t('match.relevance')}</dt>
                <dd>{num(explanation.relevance)}</dd>
              </>
            ) : null}
          </dl>
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
          {pair.length >= 2 ? (
            <dl className="dl">
              <dt>{firstSource}</dt>
              <dd>{fmt.quote(pair[0] ?? '')}</dd>
              <dt>{secondSource}</dt>
              <dd>{fmt.quote(pair[1] ?? '')}</dd>
            </dl>
          ) : null}
        </div>
      </Details.Content>
    </Details>
  );
}

/** Why a pair was suggested, the same on every page that shows a suggestion: how well it fits
 * in a word, one to four plain sentences in the reader's language (written by the backend from
 * the engine's signals), and the content words both sides share. A match sent to an advisor
 * carries its signals: they are behind "Detaljer", never in a buyer's or supplier's view. */
export function MatchExplanationView({ explanation }: { explanation: Partial<Explanation> | undefined }) {
  const { t } = useI18n();
  if (!explanation) return <Paragraph data-size="sm">{t('match.noExplanation')}</Paragraph>;
  const sentences = explanation.explanation ?? [];
  const terms = explanation.shared_terms ?? [];
  return (
    <div className="stack match-explanation">
      {explanation.fit ? (
        <Paragraph data-size="sm">
          <FitLabel fit={explanation.fit} />
        </Paragraph>
      ) : null}
      {explanation.fit === 'weak' && explanation.signals ? <Paragraph data-size="sm">{t('match.weakHint')}</Paragraph> : null}
      <Paragraph data-size="sm" className="match-why">
        {sentences.length > 0 ? sentences.join(' ') : t('match.noExplanation')}
      </Paragraph>
      {terms.length > 0 ? (
        <div>
          <Paragraph data-size="sm">{t('match.sharedTerms')}</Paragraph>
          <ul className="row" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('match.sharedTerms').replace(/:$/, '')}>
            {terms.map((term) => (
              <li key={term}>
                <Tag variant="outline">{term}</Tag>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {explanation.signals ? <Workings explanation={explanation} /> : null}
    </div>
  );
}
