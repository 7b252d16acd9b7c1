import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PipelineStats } from '../../api/types';
import { useAdvisorI18n } from './texts';
import { RequireAuth } from '../../app/require-auth';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { usePipelineStats } from './api';
import { BarChart } from './bar-chart';

function bars(rows: { label: string; count: number }[]) {
  return rows.map((r) => ({ label: r.label, count: r.count }));
}

function Stat({ label, value }: { label: string; value: number }) {
  const { fmt } = useAdvisorI18n();
  return (
    <Card>
      <Paragraph data-size="sm">{label}</Paragraph>
      <Paragraph className="stat">{fmt.number(value)}</Paragraph>
    </Card>
  );
}

function Overview({ stats }: { stats: PipelineStats }) {
  const { t } = useAdvisorI18n();
  return (
    <div className="stack">
      <div className="stats">
        <Stat label={t('advisor.pipeline.needsTotal')} value={stats.needs_total} />
        <Stat label={t('advisor.pipeline.needsDraft')} value={stats.needs_draft} />
        <Stat label={t('advisor.pipeline.conferences')} value={stats.conferences_upcoming} />
        <Stat label={t('advisor.pipeline.conferencesTotal')} value={stats.conferences_total} />
        <Stat label={t('advisor.pipeline.matchesSuggested')} value={stats.matches_suggested} />
        <Stat label={t('advisor.pipeline.matchesShortlisted')} value={stats.matches_shortlisted} />
        <Stat label={t('advisor.pipeline.responses')} value={stats.responses_count} />
        <Stat label={t('advisor.pipeline.introductions')} value={stats.introductions_count} />
        <Stat label={t('advisor.pipeline.jointGroups')} value={stats.joint_groups_active} />
        <Stat label={t('advisor.pipeline.jointNeeds')} value={stats.joint_needs_in_groups} />
      </div>
      <section aria-labelledby="by-stage" className="stack">
        <Heading level={2} data-size="sm" id="by-stage">
          {t('advisor.pipeline.byStage')}
        </Heading>
        <BarChart title={t('advisor.pipeline.byStage')} bars={bars(stats.needs_by_stage)} />
      </section>
      <section aria-labelledby="by-sector" className="stack">
        <Heading level={2} data-size="sm" id="by-sector">
          {t('advisor.pipeline.bySector')}
        </Heading>
        <BarChart title={t('advisor.pipeline.bySector')} bars={bars(stats.needs_by_sector)} />
      </section>
      <section aria-labelledby="by-county" className="stack">
        <Heading level={2} data-size="sm" id="by-county">
          {t('advisor.pipeline.byCounty')}
        </Heading>
        <BarChart title={t('advisor.pipeline.byCounty')} bars={bars(stats.needs_by_county)} />
      </section>
    </div>
  );
}

export function PipelinePage() {
  const { t } = useAdvisorI18n();
  return (
    <>
      <PageHeading title={t('advisor.pipeline.title')}>{t('advisor.pipeline.title')}</PageHeading>
      <RequireAuth roles={['advisor']}>
        <PipelineInner />
      </RequireAuth>
    </>
  );
}

function PipelineInner() {
  const stats = usePipelineStats();
  return <QueryState query={stats}>{(s) => <Overview stats={s} />}</QueryState>;
}
