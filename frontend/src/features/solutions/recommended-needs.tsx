import { Card, Details, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { MatchExplanationView, scorePercent } from '../../components/match-explanation';
import { QueryState } from '../../components/query-state';
import { useSolutionMatches } from './api';

export function RecommendedNeeds({ solutionId, headingLevel = 2, title }: { solutionId: string; headingLevel?: 2 | 3; title?: string }) {
  const { t } = useI18n();
  const matches = useSolutionMatches(solutionId);
  const headingId = `rec-${solutionId}`;
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={headingLevel} data-size="sm" id={headingId}>
        {title ?? t('solution.recommended.title')}
      </Heading>
      <QueryState query={matches} isEmpty={(d) => d.length === 0} empty={t('solution.recommended.empty')}>
        {(items) => (
          <ul className="cards">
            {items.map((m, i) => (
              <li key={m.id ?? `${m.need.id}-${i}`}>
                <Card>
                  <Paragraph data-size="md">
                    <DsLink asChild>
                      <Link to={`/needs/${m.need.id}`}>{m.need.title}</Link>
                    </DsLink>
                  </Paragraph>
                  <div className="meta">
                    {m.need.organization_name ? <span>{m.need.organization_name}</span> : null}
                    <span>
                      {t('match.score')}: {scorePercent(m.score)}
                    </span>
                    {m.need.response_deadline ? (
                      <span>
                        {t('need.deadline')}: {formatDateTime(m.need.response_deadline)}
                      </span>
                    ) : null}
                  </div>
                  <Details>
                    <Details.Summary>{t('match.why')}</Details.Summary>
                    <Details.Content>
                      <MatchExplanationView explanation={m.explanation ?? m} />
                    </Details.Content>
                  </Details>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
