import { Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useResearchI18n } from './texts';
import { OrgName } from '../../components/org-name';
import type { Profile } from './api';

/** A competence profile in a list: title, institution, sectors and keywords. */
export function ProfileCard({ profile }: { profile: Profile }) {
  const { t } = useResearchI18n();
  return (
    <li>
      <Card data-color="neutral">
        <div className="row">
          <Tag data-color="info">{t('research.profile.kind')}</Tag>
          {profile.status === 'draft' ? <Tag data-color="neutral">{t('research.profile.draft')}</Tag> : null}
          <span className="meta">
            <OrgName org={profile.organization} />
          </span>
        </div>
        <Heading level={3} data-size="xs">
          <DsLink asChild>
            <Link to={`/research/profiles/${profile.id}`}>{profile.title}</Link>
          </DsLink>
        </Heading>
        <Paragraph data-size="sm" className="snippet">
          {profile.description.length > 240 ? `${profile.description.slice(0, 240)} …` : profile.description}
        </Paragraph>
        <div className="meta">
          {profile.sectors.map((s) => (
            <span key={s.code}>{s.label}</span>
          ))}
          {profile.keywords.length > 0 ? <span>{profile.keywords.join(', ')}</span> : null}
        </div>
      </Card>
    </li>
  );
}
