import { Card, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { CountRow, PipelineStats } from '../../api/types';
import { formatDateTime, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { usePipelineStats } from './api';
import { BarChart } from './bar-chart';

function bars(rows: CountRow[], key: string) {
  return rows.map((r) => ({ label: r.label || String(r[key] ?? ''), count: r.count }));
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Card>
      <Paragraph data-size="sm">{label}</Paragraph>
      <Paragraph className="stat">{formatNumber(value)}</Paragraph>
    </Card>
  );
}

function Overview({ stats }: { stats: PipelineStats }) {
  const { t } = useI18n();
  const upcoming = stats.conferences_upcoming;
  const upcomingCount = typeof upcoming === 'number' ? upcoming : upcoming.length;
  return (
    <div className="stack">
      <div className="board">
        <Stat label={t('advisor.pipeline.conferences')} value={upcomingCount} />
        <Stat label={t('advisor.pipeline.responses')} value={stats.responses_count} />
        <Stat label={t('advisor.pipeline.introductions')} value={stats.introductions_count} />
      </div>
      <section aria-labelledby="by-stage" className="stack">
        <Heading level={2} data-size="sm" id="by-stage">
          {t('advisor.pipeline.byStage')}
        </Heading>
        <BarChart title={t('advisor.pipeline.byStage')} bars={bars(stats.needs_by_stage, 'stage')} />
      </section>
      <section aria-labelledby="by-sector" className="stack">
        <Heading level={2} data-size="sm" id="by-sector">
          {t('advisor.pipeline.bySector')}
        </Heading>
        <BarChart title={t('advisor.pipeline.bySector')} bars={bars(stats.needs_by_sector, 'sector')} />
      </section>
      <section aria-labelledby="by-county" className="stack">
        <Heading level={2} data-size="sm" id="by-county">
          {t('advisor.pipeline.byCounty')}
        </Heading>
        <BarChart title={t('advisor.pipeline.byCounty')} bars={bars(stats.needs_by_county, 'county')} />
      </section>
      {typeof upcoming !== 'number' && upcoming.length > 0 ? (
        <section aria-labelledby="upcoming" className="stack">
          <Heading level={2} data-size="sm" id="upcoming">
            {t('advisor.pipeline.conferences')}
          </Heading>
          <ul>
            {upcoming.map((c) => (
              <li key={c.id}>
                <DsLink asChild>
                  <Link to={`/conferences/${c.id}`}>{c.title}</Link>
                </DsLink>{' '}
                – {formatDateTime(c.starts_at)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function PipelinePage() {
  const { t } = useI18n();
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
