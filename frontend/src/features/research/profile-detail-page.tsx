import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link, useParams } from 'react-router';
import { useResearchI18n } from './texts';
import { OrgName } from '../../components/org-name';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useProfile, useProfileAction, type Profile } from './api';

function ProfileView({ profile }: { profile: Profile }) {
  const { t } = useResearchI18n();
  const action = useProfileAction(String(profile.id));
  const draft = profile.status === 'draft';
  return (
    <article className="stack">
      <PageHeading title={profile.title}>{profile.title}</PageHeading>
      <div className="row">
        <Tag data-color={draft ? 'neutral' : 'success'}>{draft ? t('research.profile.draft') : t('research.profile.published')}</Tag>
        <OrgName org={profile.organization} />
      </div>
      {profile.can_edit ? (
        <div className="row">
          <Button asChild variant="secondary">
            <Link to={`/research/profiles/${profile.id}/edit`}>{t('common.edit')}</Link>
          </Button>
          <Button variant={draft ? 'primary' : 'secondary'} loading={action.isPending} onClick={() => action.mutate(draft ? 'publish' : 'withdraw')}>
            {draft ? t('research.profile.publish') : t('research.profile.withdraw')}
          </Button>
        </div>
      ) : null}
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      <section className="stack" aria-labelledby="profile-about">
        <Heading level={2} data-size="sm" id="profile-about">
          {t('research.profile.description')}
        </Heading>
        <Paragraph className="prewrap">{profile.description}</Paragraph>
        {profile.methods ? (
          <>
            <Heading level={2} data-size="sm">
              {t('research.profile.methods')}
            </Heading>
            <Paragraph className="prewrap">{profile.methods}</Paragraph>
          </>
        ) : null}
        <dl className="facts">
          <dt>{t('research.profile.sectors')}</dt>
          <dd>{profile.sectors.map((s) => s.label).join(', ') || '–'}</dd>
          <dt>{t('research.profile.cpv')}</dt>
          <dd>{profile.cpv_codes.map((c) => `${c.code} ${c.label}`).join('; ') || '–'}</dd>
          <dt>{t('research.profile.keywords')}</dt>
          <dd>{profile.keywords.join(', ') || '–'}</dd>
          <dt>{t('research.profile.contactRole')}</dt>
          <dd>{profile.contact_role || '–'}</dd>
          <dt>{t('research.profile.language')}</dt>
          <dd>{profile.language}</dd>
        </dl>
      </section>
    </article>
  );
}

export function ProfileDetailPage() {
  const { id } = useParams();
  const profile = useProfile(id);
  return <QueryState query={profile}>{(p) => <ProfileView profile={p} />}</QueryState>;
}
