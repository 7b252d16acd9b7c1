import { Card, Details, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { MatchExplanationView, scorePercent } from '../../components/match-explanation';
import { QueryState } from '../../components/query-state';
import { useNeedMatches, useNeedResponses, useSimilarNeeds } from './api';

export function SuggestedSolutions({ needId }: { needId: string }) {
  const { t } = useI18n();
  const matches = useNeedMatches(needId);
  return (
    <section aria-labelledby="suggested-heading" className="stack">
      <Heading level={2} data-size="sm" id="suggested-heading">
        {t('need.suggested.title')}
      </Heading>
      <Paragraph data-size="sm">{t('need.suggested.intro')}</Paragraph>
      <QueryState query={matches} isEmpty={(d) => d.length === 0} empty={t('need.suggested.empty')}>
        {(items) => (
          <ul className="cards">
            {items.map((m, i) => (
              <li key={m.id ?? `${m.solution.id}-${i}`}>
                <Card>
                  <Heading level={3} data-size="xs">
                    <DsLink asChild>
                      <Link to={`/solutions/${m.solution.id}`}>{m.solution.title}</Link>
                    </DsLink>
                  </Heading>
                  <div className="meta">
                    {m.solution.organization_name ? <span>{m.solution.organization_name}</span> : null}
                    <span>
                      {t('match.score')}: {scorePercent(m.score ?? m.explanation?.score)}
                    </span>
                    {m.state ? <Tag>{m.state}</Tag> : null}
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

export function SimilarNeeds({ needId }: { needId: string }) {
  const { t } = useI18n();
  const similar = useSimilarNeeds(needId);
  return (
    <section aria-labelledby="similar-heading" className="stack">
      <Heading level={2} data-size="sm" id="similar-heading">
        {t('need.similar.title')}
      </Heading>
      <Paragraph data-size="sm">{t('need.similar.intro')}</Paragraph>
      <QueryState query={similar} isEmpty={(d) => d.length === 0} empty={t('need.similar.empty')}>
        {(items) => (
          <ul className="cards">
            {items.map((s, i) => {
              const id = s.need?.id ?? s.id;
              const title = s.need?.title ?? s.title ?? '';
              const org = s.need?.organization_name ?? s.organization_name;
              return (
                <li key={id ?? i}>
                  <Card>
                    <Heading level={3} data-size="xs">
                      <DsLink asChild>
                        <Link to={`/needs/${id}`}>{title}</Link>
                      </DsLink>
                    </Heading>
                    <div className="meta">
                      {org ? <span>{org}</span> : null}
                      <span>
                        {t('match.score')}: {scorePercent(s.score)}
                      </span>
                    </div>
                    {s.shared_terms && s.shared_terms.length > 0 ? (
                      <Paragraph data-size="sm">
                        {t('match.sharedTerms')} {s.shared_terms.join(', ')}
                      </Paragraph>
                    ) : null}
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

export function NeedResponses({ needId }: { needId: string }) {
  const { t } = useI18n();
  const responses = useNeedResponses(needId);
  return (
    <section aria-labelledby="responses-heading" className="stack">
      <Heading level={2} data-size="sm" id="responses-heading">
        {t('need.responses.title')}
      </Heading>
      <QueryState query={responses} isEmpty={(d) => d.length === 0} empty={t('need.responses.empty')}>
        {(items) => (
          <ul className="cards">
            {items.map((r) => (
              <li key={r.id}>
                <Card className={r.confidential ? 'confidential' : undefined}>
                  <Heading level={3} data-size="xs">
                    {r.summary}
                  </Heading>
                  <div className="meta">
                    {r.organization_name ? <span>{r.organization_name}</span> : null}
                    {r.created_at ? <span>{formatDateTime(r.created_at)}</span> : null}
                    {r.confidential ? <Tag data-color="warning">{t('response.confidentialTag')}</Tag> : null}
                  </div>
                  <Paragraph className="prewrap">{r.body}</Paragraph>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
