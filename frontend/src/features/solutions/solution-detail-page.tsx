import { Alert, Button, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link, useParams } from 'react-router';
import type { SolutionDetail } from '../../api/types';
import { useI18n, type MessageKey } from '../../app/i18n';
import { useCurrentUser } from '../../app/session';
import { isMemberOf } from '../../components/ids';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { usePublishSolution, useSolution } from './api';
import { RecommendedNeeds } from './recommended-needs';
import { OrgName } from '../../components/org-name';

function SolutionView({ solution }: { solution: SolutionDetail }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const owner = isMemberOf(user, solution.organization.id);
  const id = String(solution.id);
  const publish = usePublishSolution(id);
  return (
    <article className="stack">
      <PageHeading title={solution.title}>{solution.title}</PageHeading>
      <div className="row">
        <Tag data-color={solution.status === 'published' ? 'success' : 'neutral'}>{t(`need.status.${solution.status ?? 'draft'}` as MessageKey)}</Tag>
        <DsLink asChild>
          <Link to={`/organizations/${solution.organization.id}`}>
            <OrgName org={solution.organization} />
          </Link>
        </DsLink>
      </div>
      {owner ? (
        <div className="row">
          <Button asChild variant="secondary">
            <Link to={`/solutions/${id}/edit`}>{t('common.edit')}</Link>
          </Button>
          {solution.status === 'draft' ? (
            <Button loading={publish.isPending} onClick={() => publish.mutate()}>
              {t('solution.publish')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {publish.isError ? <ErrorAlert error={publish.error} /> : null}
      {publish.isSuccess ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('solution.published')}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph className="prewrap">{solution.description}</Paragraph>
      <dl className="dl">
        <dt>{t('need.fields.sector')}</dt>
        <dd>{solution.sector?.label}</dd>
        <dt>{t('solution.fields.trl')}</dt>
        <dd>{t('solution.trlValue', { trl: solution.trl })}</dd>
        <dt>{t('solution.fields.regions')}</dt>
        <dd>{solution.regions.map((r) => r.label).join(', ') || t('solution.allRegions')}</dd>
        <dt>{t('solution.fields.language')}</dt>
        <dd>{t(`solution.languages.${solution.language ?? 'nb'}` as MessageKey)}</dd>
        {solution.cpv_codes.length > 0 ? (
          <>
            <dt>{t('need.fields.cpv')}</dt>
            <dd>{solution.cpv_codes.map((c) => `${c.code} ${c.label}`).join('; ')}</dd>
          </>
        ) : null}
        {solution.website ? (
          <>
            <dt>{t('org.website')}</dt>
            <dd>
              <DsLink href={solution.website}>{solution.website}</DsLink>
            </dd>
          </>
        ) : null}
      </dl>
      {owner ? <RecommendedNeeds solutionId={id} pending={solution.suggestions_pending} /> : null}
    </article>
  );
}

export function SolutionDetailPage() {
  const { id } = useParams();
  const solution = useSolution(id, { followSuggestions: true });
  return <QueryState query={solution}>{(s) => <SolutionView solution={s} />}</QueryState>;
}
