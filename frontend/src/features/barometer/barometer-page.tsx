import { Card, Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { pilotTexts, type PilotKey } from '../pilots/texts';
import { barometerTexts } from './texts';
import { advisorTexts } from '../advisor/texts';
import { SelectField } from '../../components/form-fields';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { TableScroll } from '../../components/table-scroll';
import { BarChart } from '../advisor/bar-chart';
import { BAROMETER_EXPORT, BAROMETER_JSON, useBarometer, type Barometer, type BarometerPeriod } from './api';

type Counted = { period: string; label: string; count: number };

/** Sums per label over every period (the chart), in the order the backend gives. */
function totals(rows: Counted[]): { label: string; count: number }[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.label, (sums.get(r.label) ?? 0) + r.count);
  return [...sums].map(([label, count]) => ({ label, count }));
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card>
      <Paragraph data-size="sm">{label}</Paragraph>
      <Paragraph className="stat">{value}</Paragraph>
    </Card>
  );
}

function Figure({ id, title, counts, children }: { id: string; title: string; counts: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="stack">
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      <Paragraph data-size="sm">{counts}</Paragraph>
      {children}
    </section>
  );
}

/** Needs per stage at the end of each period: one row per period, one column per stage. */
function StageTable({ b }: { b: Barometer }) {
  const { t, fmt } = useFeatureI18n(pilotTexts, barometerTexts, advisorTexts);
  const periods = b.published_by_period.map((p) => p.period);
  const stages = [...new Map(b.stage_by_period.map((r) => [r.stage, r.label])).entries()];
  const count = (period: string, stage: string) => b.stage_by_period.find((r) => r.period === period && r.stage === stage)?.count ?? 0;
  if (stages.length === 0) return <Paragraph>{t('advisor.pipeline.noData')}</Paragraph>;
  return (
    <TableScroll label={t('barometer.stageByPeriod')}>
      <Table data-size="sm">
        <caption>{t('barometer.stageByPeriod')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('barometer.period')}</Table.HeaderCell>
            {stages.map(([code, label]) => (
              <Table.HeaderCell key={code}>{label}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {periods.map((p) => (
            <Table.Row key={p}>
              <Table.HeaderCell scope="row">{p}</Table.HeaderCell>
              {stages.map(([code]) => (
                <Table.Cell key={code}>{fmt.number(count(p, code))}</Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function DurationTable({ b }: { b: Barometer }) {
  const { t, fmt } = useFeatureI18n(pilotTexts, barometerTexts, advisorTexts);
  return (
    <TableScroll label={t('barometer.durations')}>
      <Table data-size="sm">
        <caption>{t('barometer.durations')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('barometer.stage')}</Table.HeaderCell>
            <Table.HeaderCell>{t('barometer.medianDays')}</Table.HeaderCell>
            <Table.HeaderCell>{t('barometer.staysCounted')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {b.stage_durations.map((d) => (
            <Table.Row key={d.stage}>
              <Table.HeaderCell scope="row">{d.label}</Table.HeaderCell>
              <Table.Cell>{d.median_days === null ? '–' : fmt.number(d.median_days, 1)}</Table.Cell>
              <Table.Cell>{fmt.number(d.needs)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function GainTable({ b }: { b: Barometer }) {
  const { t, fmt } = useFeatureI18n(pilotTexts, barometerTexts, advisorTexts);
  if (b.gains.length === 0) return <Paragraph>{t('barometer.noGains')}</Paragraph>;
  return (
    <TableScroll label={t('barometer.gains')}>
      <Table data-size="sm">
        <caption>{t('barometer.gains')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('barometer.gainType')}</Table.HeaderCell>
            <Table.HeaderCell>{t('barometer.total')}</Table.HeaderCell>
            <Table.HeaderCell>{t('barometer.gainPeriod')}</Table.HeaderCell>
            <Table.HeaderCell>{t('barometer.cases')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {b.gains.map((g) => (
            <Table.Row key={`${g.type}-${g.unit}-${g.period}`}>
              <Table.HeaderCell scope="row">{g.type_label}</Table.HeaderCell>
              <Table.Cell>
                {fmt.number(g.total, 2)} {g.unit_label}
              </Table.Cell>
              <Table.Cell>{g.period_label}</Table.Cell>
              <Table.Cell>{fmt.number(g.cases)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function Figures({ b }: { b: Barometer }) {
  const { t, fmt } = useFeatureI18n(pilotTexts, barometerTexts, advisorTexts);
  const share = b.reached_contract.share === null ? '–' : `${fmt.number(b.reached_contract.share * 100, 1)} %`;
  const pilots = (['wanted', 'running', 'completed'] as const).map((s) => ({ label: t(`pilot.status.${s}` as PilotKey), count: b.pilots[s] }));
  const joint = b.joint_procurements;
  return (
    <div className="stack">
      <div className="stats">
        <Stat label={t('barometer.needsPublished')} value={fmt.number(b.needs_published)} />
        <Stat label={t('barometer.reachedContract')} value={share} />
        <Stat label={t('barometer.jointActive')} value={fmt.number(joint.groups_active)} />
        <Stat label={t('barometer.pilotsRunning')} value={fmt.number(b.pilots.running)} />
      </div>
      <Paragraph data-size="sm">{t('barometer.reachedContractCounts', { needs: b.reached_contract.needs, of: b.reached_contract.of })}</Paragraph>
      <Figure id="published-heading" title={t('barometer.published')} counts={t('barometer.publishedCounts')}>
        <BarChart title={t('barometer.publishedChart')} bars={b.published_by_period.map((p) => ({ label: p.period, count: p.count }))} />
      </Figure>
      <Figure id="sector-heading" title={t('barometer.bySector')} counts={t('barometer.bySectorCounts')}>
        <BarChart title={t('barometer.bySector')} bars={totals(b.published_by_sector)} />
      </Figure>
      <Figure id="county-heading" title={t('barometer.byCounty')} counts={t('barometer.bySectorCounts')}>
        <BarChart title={t('barometer.byCounty')} bars={totals(b.published_by_county)} />
      </Figure>
      <Figure id="stage-heading" title={t('barometer.stageByPeriod')} counts={t('barometer.stageCounts')}>
        <StageTable b={b} />
      </Figure>
      <Figure id="duration-heading" title={t('barometer.durations')} counts={t('barometer.durationCounts')}>
        <BarChart title={t('barometer.durationsChart')} bars={b.stage_durations.filter((d) => d.median_days !== null).map((d) => ({ label: d.label, count: d.median_days ?? 0 }))} />
        <DurationTable b={b} />
      </Figure>
      <Figure id="gains-heading" title={t('barometer.gains')} counts={t('barometer.gainCounts')}>
        <GainTable b={b} />
      </Figure>
      <Figure id="joint-heading" title={t('barometer.joint')} counts={t('barometer.jointCounts')}>
        <BarChart
          title={t('barometer.joint')}
          bars={[
            { label: t('barometer.jointActive'), count: joint.groups_active },
            { label: t('barometer.jointForming'), count: joint.groups_forming },
            { label: t('barometer.jointNeeds'), count: joint.needs_in_groups },
            { label: t('barometer.jointBuyers'), count: joint.buyers_in_groups },
          ]}
        />
      </Figure>
      <Figure id="pilots-heading" title={t('barometer.pilots')} counts={t('barometer.pilotCounts')}>
        <BarChart title={t('barometer.pilots')} bars={pilots} />
      </Figure>
    </div>
  );
}

/** The innovation barometer (Innovasjonsbarometer): public figures for the sector, each chart
 * with its table, what each figure counts, and the same figures as open data (JSON, CSV, XLSX). */
export function BarometerPage() {
  const { t, lang } = useFeatureI18n(pilotTexts, barometerTexts, advisorTexts);
  const [params, setParams] = useSearchParams();
  const period: BarometerPeriod = params.get('period') === 'month' ? 'month' : 'quarter';
  const barometer = useBarometer(period);
  const query = `?period=${period}`;
  return (
    <div className="stack">
      <PageHeading title={t('barometer.title')}>{t('barometer.title')}</PageHeading>
      <Paragraph>{t('barometer.intro')}</Paragraph>
      <section aria-labelledby="open-data-heading" className="stack">
        <Heading level={2} data-size="xs" id="open-data-heading">
          {t('barometer.openData')}
        </Heading>
        <ul className="row" style={{ listStyle: 'none', padding: 0 }}>
          <li>
            <DsLink href={`${BAROMETER_JSON}${query}`} hrefLang={lang}>
              {t('barometer.json')}
            </DsLink>
          </li>
          <li>
            <DsLink href={`${BAROMETER_EXPORT}${query}`} download>
              {t('barometer.csv')}
            </DsLink>
          </li>
          <li>
            <DsLink href={`${BAROMETER_EXPORT}${query}&file_format=xlsx`} download>
              {t('barometer.xlsx')}
            </DsLink>
          </li>
        </ul>
      </section>
      <SelectField
        label={t('barometer.periodLabel')}
        includeEmpty={false}
        value={period}
        options={[
          { code: 'quarter', label: t('barometer.quarter') },
          { code: 'month', label: t('barometer.month') },
        ]}
        onChange={(v) => setParams(v === 'month' ? { period: 'month' } : {}, { replace: true })}
      />
      <QueryState query={barometer}>{(b) => <Figures b={b} />}</QueryState>
    </div>
  );
}
