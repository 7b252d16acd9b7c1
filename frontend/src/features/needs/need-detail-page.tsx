import { lazy, Suspense } from 'react';
import { Alert, Button, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link, useParams } from 'react-router';
import type { Need } from '../../api/types';
import { useI18n, type MessageKey } from '../../app/i18n';
import { useCurrentUser, userRoles } from '../../app/session';

import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useNeed, useNeedAction } from './api';
import { NeedFacts } from './need-facts';
import { OrgName } from '../../components/org-name';

const NeedSections = lazy(() => import('./need-sections').then((m) => ({ default: m.NeedSections })));

function OwnerActions({ need }: { need: Need }) {
  const { t } = useI18n();
  const action = useNeedAction(String(need.id));
  return (
    <div className="stack">
      <div className="row">
        <Button asChild variant="secondary">
          <Link to={`/needs/${need.id}/edit`}>{t('need.actions.edit')}</Link>
        </Button>
        {need.can_publish ? (
          <Button loading={action.isPending} onClick={() => action.mutate('publish')}>
            {t('need.actions.publish')}
          </Button>
        ) : null}
        {need.status === 'published' ? (
          <>
            <Button asChild variant="secondary">
              <Link to={`/conferences/new?need=${need.id}`}>{t('need.actions.newConference')}</Link>
            </Button>
            <Button variant="tertiary" loading={action.isPending} onClick={() => action.mutate('close')}>
              {t('need.actions.close')}
            </Button>
          </>
        ) : null}
      </div>
      {need.status === 'draft' && !need.can_publish && !need.organization.verified ? (
        <Alert data-color="info">
          <Paragraph>{t('need.actions.awaitingVerification', { org: need.organization.name })}</Paragraph>
          <Paragraph>
            <DsLink asChild>
              <Link to={`/organizations/${need.organization.id}`}>{t('need.actions.aboutOrg', { org: need.organization.name })}</Link>
            </DsLink>
          </Paragraph>
        </Alert>
      ) : null}
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      {action.isSuccess ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('need.actions.done')}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}

function NeedView({ need }: { need: Need }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const roles = userRoles(user);
  const owner = need.can_edit;
  const advisor = roles.has('advisor');
  return (
    <article className="stack">
      <PageHeading title={need.title}>{need.title}</PageHeading>
      <div className="row">
        <Tag data-color={need.status === 'published' ? 'success' : 'neutral'}>{t(`need.status.${need.status ?? 'draft'}` as MessageKey)}</Tag>
        <DsLink asChild>
          <Link to={`/organizations/${need.organization.id}`}>
            <OrgName org={need.organization} />
          </Link>
        </DsLink>
        {need.stage ? <Tag variant="outline">{need.stage.label}</Tag> : null}
      </div>
      {owner ? <OwnerActions need={need} /> : null}
      {roles.has('supplier') && need.status === 'published' && need.dialogue_open ? (
        <div>
          <Button asChild>
            <Link to={`/needs/${need.id}/respond`}>{t('need.actions.respond')}</Link>
          </Button>
        </div>
      ) : null}
      {advisor ? (
        <div>
          <Button asChild variant="secondary">
            <Link to={`/advisor/needs/${need.id}`}>{t('need.actions.board')}</Link>
          </Button>
        </div>
      ) : null}
      <section aria-labelledby="about-heading" className="stack">
        <Heading level={2} data-size="sm" id="about-heading">
          {t('need.fields.description')}
        </Heading>
        <Paragraph className="prewrap">{need.description}</Paragraph>
        {need.desired_effect?.trim() ? (
          <>
            <Heading level={2} data-size="sm">
              {t('need.fields.desiredEffect')}
            </Heading>
            <Paragraph className="prewrap">{need.desired_effect}</Paragraph>
          </>
        ) : null}
        <NeedFacts need={need} />
      </section>
      {/* What lies below the need's own text loads after it (its own chunk and requests): the
          description is on screen first (Lighthouse's largest contentful paint, scripts/lighthouse.sh). */}
      <Suspense fallback={null}>
        <NeedSections need={need} />
      </Suspense>
    </article>
  );
}

export function NeedDetailPage() {
  const { id } = useParams();
  const need = useNeed(id, { followSuggestions: true });
  return <QueryState query={need}>{(n) => <NeedView need={n} />}</QueryState>;
}
