import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useResearchI18n } from './texts';
import { RequireAuth } from '../../app/require-auth';
import { OrgName } from '../../components/org-name';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { usePartnerships } from './api';
import { StateTag } from './partnership-page';

/** A research institution's invitations and partnerships (and a buyer's, of its needs). */
export function PartnershipsPage() {
  const { t } = useResearchI18n();
  const partnerships = usePartnerships({});
  return (
    <RequireAuth>
      <div className="stack">
        <PageHeading title={t('research.partnerships.title')}>{t('research.partnerships.title')}</PageHeading>
        <Paragraph>{t('research.partnerships.intro')}</Paragraph>
        <QueryState query={partnerships} isEmpty={(d) => d.length === 0} empty={t('research.partnerships.empty')}>
          {(list) => (
            <ul className="stack">
              {list.map((p) => (
                <li key={p.id}>
                  <Heading level={2} data-size="xs">
                    <DsLink asChild>
                      <Link to={`/research/partnerships/${p.id}`}>{p.need_ref.title}</Link>
                    </DsLink>
                  </Heading>
                  <div className="row">
                    <StateTag state={p.state} />
                    <OrgName org={p.need_ref.organization} />
                    <OrgName org={p.organization} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </div>
    </RequireAuth>
  );
}
