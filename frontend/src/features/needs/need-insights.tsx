import { Alert, Card, Checkbox, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../app/i18n';
import { MatchExplanationView } from '../../components/match-explanation';
import { QueryState } from '../../components/query-state';
import { SuggestionsComputing, SuggestionsStatus, useSuggestionsReady } from '../../components/suggestions-status';
import { JointInviteAction } from '../joint/joint-invite';
import { useNeedMatches, useNeedResponses, useSimilarNeeds } from './api';
import { OrgName } from '../../components/org-name';
import { ResponseAccessLog } from '../privacy/access-log';
import { ResponseText } from '../business-secrets/response-text';
import type { Need } from '../../api/types';
import { InvitePanel, type Chosen } from '../invitations/invite-panel';

/** Fewer good suggestions than this, and the need says so and points to a market dialogue. */
const FEW_GOOD = 3;

/** A published need with few good suggestions (the engine's weak ones are not shown to buyers):
 * it says so and invites its buyer to a market dialogue, with a link that creates a dialogue
 * conference on the need (advisors read the advice without the link). */
function FewGoodMatches({ count, need }: { count: number; need: Need }) {
  const { t } = useI18n();
  const found = count === 0 ? 'need.suggested.none' : count === 1 ? 'need.suggested.one' : 'need.suggested.few';
  return (
    <Alert data-color="info">
      <Paragraph>{t(found, { count })}</Paragraph>
      <Paragraph>{t('need.suggested.dialogue')}</Paragraph>
      {need.can_edit ? (
        <Paragraph>
          <DsLink asChild>
            <Link to={`/conferences/new?need=${need.id}`}>{t('need.suggested.dialogueLink')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
    </Alert>
  );
}

/** The need's suggested solutions, each explained in plain sentences (MatchExplanationView).
 * `pending`: the background worker is computing them (the need says so); the list is fetched
 * again when they are ready. With `invite` (the published need, for its buyer and advisors),
 * each suggestion can be chosen and the suppliers behind the chosen ones invited to one of the
 * need's conferences, and fewer than FEW_GOOD good suggestions bring the market-dialogue advice. */
export function SuggestedSolutions({ needId, pending = false, invite }: { needId: string; pending?: boolean; invite?: Need }) {
  const { t } = useI18n();
  const matches = useNeedMatches(needId);
  const ready = useSuggestionsReady(pending, matches.refetch);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const toggle = (item: Chosen, on: boolean) =>
    setChosen((list) => [...list.filter((c) => c.solutionId !== item.solutionId), ...(on ? [item] : [])]);
  return (
    <section aria-labelledby="suggested-heading" className="stack">
      <Heading level={2} data-size="sm" id="suggested-heading">
        {t('need.suggested.title')}
      </Heading>
      <Paragraph data-size="sm">{t('need.suggested.intro')}</Paragraph>
      <SuggestionsStatus pending={pending} ready={ready} />
      <QueryState
        query={matches}
        isEmpty={(d) => (pending || !invite) && d.filter((m) => m.solution).length === 0}
        empty={pending ? null : t('need.suggested.empty')}
      >
        {(items) => {
          const solutions = items.filter((m) => m.solution);
          const good = solutions.filter((m) => m.fit !== 'weak').length;
          return (
            <>
              {solutions.length > 0 ? (
                <ul className="cards" aria-label={t('need.suggested.title')}>
                  {solutions.map((m) =>
                    m.solution ? (
                      <li key={m.id}>
                        <Card>
                          <Heading level={3} data-size="xs">
                            <DsLink asChild>
                              <Link to={`/solutions/${m.solution.id}`}>{m.solution.title}</Link>
                            </DsLink>
                          </Heading>
                          {invite ? (
                            <Checkbox
                              label={t('invitation.select', { org: m.solution.organization.name })}
                              value={String(m.solution.id)}
                              checked={chosen.some((c) => c.solutionId === m.solution?.id)}
                              onChange={(e) => m.solution && toggle({ solutionId: m.solution.id, organization: m.solution.organization.name }, e.target.checked)}
                            />
                          ) : null}
                          <div className="meta">
                            <OrgName org={m.solution.organization} />
                            {m.state ? <Tag>{t(`match.states.${m.state}` as MessageKey)}</Tag> : null}
                          </div>
                          <MatchExplanationView explanation={m} />
                        </Card>
                      </li>
                    ) : null,
                  )}
                </ul>
              ) : null}
              {invite && !pending && good < FEW_GOOD ? <FewGoodMatches count={good} need={invite} /> : null}
            </>
          );
        }}
      </QueryState>
      {invite ? <InvitePanel need={invite} chosen={chosen} onSent={() => setChosen([])} /> : null}
    </section>
  );
}

/** Similar needs of other buyers, explained like the suggested solutions; `pending` as for
 * SuggestedSolutions (the same run computes both; the status is announced there). With
 * `jointInvite` (the need's buyer, a published need) each card invites to a joint procurement. */
export function SimilarNeeds({ needId, pending = false, jointInvite = false }: { needId: string; pending?: boolean; jointInvite?: boolean }) {
  const { t } = useI18n();
  const similar = useSimilarNeeds(needId);
  useSuggestionsReady(pending, similar.refetch);
  return (
    <section aria-labelledby="similar-heading" className="stack">
      <Heading level={2} data-size="sm" id="similar-heading">
        {t('need.similar.title')}
      </Heading>
      <Paragraph data-size="sm">{t('need.similar.intro')}</Paragraph>
      {pending ? <SuggestionsComputing /> : null}
      <QueryState query={similar} isEmpty={(d) => d.length === 0} empty={pending ? null : t('need.similar.empty')}>
        {(items) => (
          <ul className="cards" aria-label={t('need.similar.title')}>
            {items.map((m) => {
              const other = String(m.need.id) === needId ? m.other_need : m.need;
              if (!other) return null;
              return (
                <li key={m.id}>
                  <Card>
                    <Heading level={3} data-size="xs">
                      <DsLink asChild>
                        <Link to={`/needs/${other.id}`}>{other.title}</Link>
                      </DsLink>
                    </Heading>
                    <div className="meta">
                      <OrgName org={other.organization} />
                    </div>
                    <MatchExplanationView explanation={m} />
                    {jointInvite ? <JointInviteAction needId={Number(needId)} other={other} /> : null}
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

/** The need's responses; `showAccessLog` for the need's buyers, who see who read each one. */
export function NeedResponses({ needId, showAccessLog = false }: { needId: string; showAccessLog?: boolean }) {
  const { t, fmt } = useI18n();
  const responses = useNeedResponses(needId);
  return (
    <section aria-labelledby="responses-heading" className="stack">
      <Heading level={2} data-size="sm" id="responses-heading">
        {t('need.responses.title')}
      </Heading>
      <QueryState query={responses} isEmpty={(d) => d.length === 0} empty={t('need.responses.empty')}>
        {(items) => (
          <ul className="cards" aria-label={t('need.responses.title')}>
            {items.map((r) => (
              <li key={r.id}>
                <Card className={r.confidential ? 'confidential' : undefined}>
                  <Heading level={3} data-size="xs">
                    {r.summary}
                  </Heading>
                  <div className="meta">
                    <OrgName org={r.organization} />
                    {r.author_name ? <span>{r.author_name}</span> : null}
                    <span>{fmt.dateTime(r.created_at)}</span>
                    {r.confidential ? <Tag data-color="warning">{t('response.confidentialTag')}</Tag> : <Tag>{t('response.openTag')}</Tag>}
                  </div>
                  <ResponseText body={r.body} sections={r.sections} />
                  {showAccessLog && r.confidential ? <ResponseAccessLog responseId={r.id} /> : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
