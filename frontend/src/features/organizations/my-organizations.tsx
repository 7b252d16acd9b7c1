import { Card, Heading, Link as DsLink, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { OrgKind } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { useCurrentUser } from '../../app/session';
import { UnverifiedTag } from '../../components/org-name';

/** The user's memberships, each linking to the organisation's page (members, invitations,
 * what it may do). On a dashboard, `kinds` narrows the list to the dashboard's side. */
export function MyOrganizations({ kinds, headingLevel = 2 }: { kinds?: OrgKind[]; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const memberships = (user?.memberships ?? []).filter((m) => !kinds || kinds.includes(m.organization.kind));
  if (memberships.length === 0) return null;
  return (
    <section aria-labelledby="my-orgs-heading" className="stack">
      <Heading level={headingLevel} data-size="sm" id="my-orgs-heading">
        {t('orgPage.myTitle')}
      </Heading>
      <ul className="cards" aria-labelledby="my-orgs-heading">
        {memberships.map((m) => (
          <li key={m.id}>
            <Card>
              <div className="row">
                <DsLink asChild>
                  <Link to={`/organizations/${m.organization.id}`}>{m.organization.name}</Link>
                </DsLink>
                <UnverifiedTag org={m.organization} />
              </div>
              <div className="meta">
                <span>{m.organization.kind_label}</span>
                <span>
                  {t('orgPage.yourRole')}: <Tag data-color={m.role === 'admin' ? 'accent' : 'neutral'}>{t(`members.roles.${m.role ?? 'member'}`)}</Tag>
                </span>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
