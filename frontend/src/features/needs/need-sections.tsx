import { Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { Need } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { useCurrentUser, userRoles } from '../../app/session';
import { OrgName } from '../../components/org-name';
import { NeedSharedLog } from '../dialogue-record/shared-log';
import { NoticeExports } from '../notices/notice-exports';
import { OngoingSection } from '../ongoing-dialogue/ongoing-section';
import { PilotSection } from '../pilots/pilot-section';
import { JointPanel } from '../joint/joint-panel';
import { NeedCasePanel } from '../cases/need-case-panel';
import { ResearchPartnersSection } from '../research/research-partners-section';
import { NeedResponses, SimilarNeeds, SuggestedSolutions } from './need-insights';

/**
 * The need page below the need's own text: its case, pilot, co-buyers, joint procurement,
 * conferences, notices, dialogue, suggestions, research partners and responses. A chunk of its
 * own that need-detail-page.tsx loads after the text, with the requests these sections make.
 */

function Conferences({ need }: { need: Need }) {
  const { t, fmt } = useI18n();
  return (
    <section aria-labelledby="conf-heading" className="stack">
      <Heading level={2} data-size="sm" id="conf-heading">
        {t('need.conferences.title')}
      </Heading>
      {need.conferences.length === 0 ? (
        <Paragraph>{t('need.conferences.empty')}</Paragraph>
      ) : (
        <ul className="cards">
          {need.conferences.map((c) => (
            <li key={c.id}>
              <Card>
                <Heading level={3} data-size="xs">
                  <DsLink asChild>
                    <Link to={`/conferences/${c.id}`}>{c.title}</Link>
                  </DsLink>
                </Heading>
                <Paragraph data-size="sm">
                  {fmt.dateTime(c.starts_at)} · {t('conference.registrationDeadline')}: {fmt.dateTime(c.registration_deadline)}
                </Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NeedSections({ need }: { need: Need }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const roles = userRoles(user);
  const owner = need.can_edit;
  const advisor = roles.has('advisor');
  const id = String(need.id);
  return (
    <>
      {need.status !== 'draft' || owner ? <NeedCasePanel need={need} /> : null}
      <PilotSection need={need} />
      <section aria-labelledby="cobuyers-heading" className="stack">
        <Heading level={2} data-size="sm" id="cobuyers-heading">
          {t('need.coBuyers.title')}
        </Heading>
        {need.co_buyers && need.co_buyers.length > 0 ? (
          <ul>
            {need.co_buyers.map((o) => (
              <li key={o.id}>
                <OrgName org={o} />
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('need.coBuyers.empty')}</Paragraph>
        )}
        {need.pending_co_buyers.length > 0 ? (
          <>
            <Heading level={3} data-size="xs" id="cobuyers-pending">
              {t('need.coBuyers.pendingTitle')}
            </Heading>
            <ul aria-labelledby="cobuyers-pending">
              {need.pending_co_buyers.map((o) => (
                <li key={o.id}>
                  <span className="org-name">
                    <OrgName org={o} />
                    <Tag data-color="info" data-size="sm">
                      {t('need.coBuyers.pending')}
                    </Tag>
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {need.status !== 'draft' ? <JointPanel needId={id} /> : null}
      <Conferences need={need} />
      <NoticeExports need={need} />
      {need.status !== 'draft' ? <OngoingSection need={need} /> : null}
      {user && need.status !== 'draft' ? <NeedSharedLog needId={id} /> : null}
      {owner || advisor ? (
        <>
          <SuggestedSolutions needId={id} pending={need.suggestions_pending} invite={need.status === 'published' ? need : undefined} />
          <SimilarNeeds needId={id} pending={need.suggestions_pending} jointInvite={owner && need.status === 'published'} />
        </>
      ) : null}
      {owner || advisor ? <ResearchPartnersSection need={need} /> : null}
      {/* The buyer, an accepted co-buyer and advisors read the responses; the buyers also see who read them. */}
      {need.can_read_responses ? <NeedResponses needId={id} showAccessLog={!advisor} /> : null}
    </>
  );
}
