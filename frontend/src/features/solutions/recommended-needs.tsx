import { Card, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { MatchExplanationView } from '../../components/match-explanation';
import { QueryState } from '../../components/query-state';
import { SuggestionsStatus, useSuggestionsReady } from '../../components/suggestions-status';
import { useSolutionMatches } from './api';
import { OrgName } from '../../components/org-name';

/** Needs recommended for a supplier's solution. `pending`: the background worker is computing
 * them (the solution says so); the list is fetched again when they are ready. */
export function RecommendedNeeds({
  solutionId,
  headingLevel = 2,
  title,
  pending = false,
}: {
  solutionId: string;
  headingLevel?: 2 | 3;
  title?: string;
  pending?: boolean;
}) {
  const { t } = useI18n();
  const matches = useSolutionMatches(solutionId);
  const ready = useSuggestionsReady(pending, matches.refetch);
  const headingId = `rec-${solutionId}`;
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={headingLevel} data-size="sm" id={headingId}>
        {title ?? t('solution.recommended.title')}
      </Heading>
      <SuggestionsStatus pending={pending} ready={ready} />
      <QueryState query={matches} isEmpty={(d) => d.length === 0} empty={pending ? null : t('solution.recommended.empty')}>
        {(items) => (
          <ul className="cards" aria-label={title ?? t('solution.recommended.title')}>
            {items.map((m) => (
              <li key={m.id}>
                <Card>
                  <Paragraph data-size="md">
                    <DsLink asChild>
                      <Link to={`/needs/${m.need.id}`}>{m.need.title}</Link>
                    </DsLink>
                  </Paragraph>
                  <div className="meta">
                    <OrgName org={m.need.organization} />
                  </div>
                  <MatchExplanationView explanation={m} />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
