import { Button, Checkbox, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { Need } from '../../api/types';
import { usePilotI18n, type PilotKey } from './texts';
import { FormErrors } from '../../components/form-errors';
import { SelectField, firstError, useFormChecks } from '../../components/form-fields';
import { LiveNotice } from '../../components/live-notice';
import { ErrorAlert, Loading } from '../../components/query-state';
import { TableScroll } from '../../components/table-scroll';
import { PILOT_STATUSES, UNITS, usePilot, useRecordResults, useSavePilot, type Pilot, type PilotStatus } from './api';

type MeasureRow = { id?: number | null; name: string; unit: string; baseline: string };

/** A decimal as people type it in Norwegian ("12,5") for the API ("12.5"); blank stays blank. */
function decimal(text: string): string {
  return text.trim().replace(/\s/g, '').replace(',', '.');
}

function useUnitOptions() {
  const { t } = usePilotI18n();
  return UNITS.map((code) => ({ code, label: t(`pilot.units.${code}` as PilotKey) }));
}

function MeasuresTable({ pilot }: { pilot: Pilot }) {
  const { t, fmt } = usePilotI18n();
  const results = new Map(pilot.results.map((r) => [r.measure_id, r]));
  return (
    <TableScroll label={t('pilot.measures')}>
      <Table data-size="sm">
        <caption>{t('pilot.measures')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('pilot.measureName')}</Table.HeaderCell>
            <Table.HeaderCell>{t('pilot.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{t('pilot.baseline')}</Table.HeaderCell>
            <Table.HeaderCell>{t('pilot.result')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {pilot.measures.map((m) => {
            const result = results.get(m.id);
            return (
              <Table.Row key={m.id}>
                <Table.Cell>{m.name}</Table.Cell>
                <Table.Cell>{t(`pilot.units.${m.unit}` as PilotKey)}</Table.Cell>
                <Table.Cell>{m.baseline === null ? '–' : fmt.number(m.baseline, 2)}</Table.Cell>
                <Table.Cell>
                  {result ? fmt.number(result.value, 2) : '–'}
                  {result?.note ? <span className="prewrap"> ({result.note})</span> : null}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function PilotView({ pilot, editor }: { pilot: Pilot; editor: boolean }) {
  const { t, fmt } = usePilotI18n();
  const shown = pilot.results.length > 0;
  return (
    <div className="stack">
      <div className="row">
        <Tag data-color={pilot.status === 'wanted' ? 'accent' : pilot.status === 'cancelled' ? 'neutral' : 'success'}>{t(`pilot.status.${pilot.status ?? 'wanted'}` as PilotKey)}</Tag>
        {editor ? <Tag variant="outline">{pilot.results_public ? t('pilot.resultsPublic') : t('pilot.resultsPrivate')}</Tag> : null}
      </div>
      <Paragraph className="prewrap">{pilot.scope}</Paragraph>
      <dl className="dl">
        <dt>{t('pilot.period')}</dt>
        <dd>{t('pilot.periodValue', { start: fmt.date(pilot.starts_on), end: fmt.date(pilot.ends_on) })}</dd>
        <dt>{t('pilot.users')}</dt>
        <dd>{fmt.number(pilot.users)}</dd>
      </dl>
      <MeasuresTable pilot={pilot} />
      {!shown && !editor && pilot.status === 'completed' ? <Paragraph data-size="sm">{t('pilot.resultsNotPublic')}</Paragraph> : null}
    </div>
  );
}

function rowsOf(pilot: Pilot | null): MeasureRow[] {
  if (!pilot) return [{ name: '', unit: 'count', baseline: '' }];
  return pilot.measures.map((m) => ({ id: m.id, name: m.name, unit: m.unit, baseline: m.baseline === null ? '' : String(m.baseline) }));
}

function PilotForm({ needId, pilot, onDone }: { needId: string; pilot: Pilot | null; onDone: () => void }) {
  const { t } = usePilotI18n();
  const save = useSavePilot(needId);
  const checks = useFormChecks();
  const units = useUnitOptions();
  const [scope, setScope] = useState(pilot?.scope ?? '');
  const [startsOn, setStartsOn] = useState(pilot?.starts_on ?? '');
  const [endsOn, setEndsOn] = useState(pilot?.ends_on ?? '');
  const [users, setUsers] = useState(pilot ? String(pilot.users) : '');
  const [status, setStatus] = useState<PilotStatus>(pilot?.status ?? 'wanted');
  const [resultsPublic, setResultsPublic] = useState(pilot?.results_public ?? false);
  const [measures, setMeasures] = useState<MeasureRow[]>(rowsOf(pilot));
  const errors = checks.errors(save.error);
  const setMeasure = (index: number, change: Partial<MeasureRow>) => setMeasures((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!scope.trim()) found.scope = [t('pilot.errors.scope')];
    if (!startsOn) found.starts_on = [t('pilot.errors.start')];
    if (!endsOn) found.ends_on = [t('pilot.errors.end')];
    else if (startsOn && endsOn <= startsOn) found.ends_on = [t('pilot.errors.endAfterStart')];
    if (!/^\d+$/.test(users.trim()) || Number(users) < 1) found.users = [t('pilot.errors.users')];
    if (measures.length === 0 || measures.some((m) => !m.name.trim())) found.measures = [t('pilot.errors.measures')];
    if (!checks.run(found)) return;
    save.mutate(
      {
        scope,
        starts_on: startsOn,
        ends_on: endsOn,
        users: Number(users),
        status,
        results_public: resultsPublic,
        measures: measures.map((m) => ({ id: m.id ?? null, name: m.name, unit: m.unit as (typeof UNITS)[number], baseline: m.baseline.trim() ? decimal(m.baseline) : null })),
      },
      { onSuccess: onDone },
    );
  };
  const labels = { scope: t('pilot.scope'), starts_on: t('pilot.start'), ends_on: t('pilot.end'), users: t('pilot.users'), status: t('pilot.statusLabel'), measures: t('pilot.measures') };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="pilot-form-heading">
      <Heading level={3} data-size="xs" id="pilot-form-heading">
        {pilot ? t('pilot.edit') : t('pilot.ask')}
      </Heading>
      <FormErrors key={checks.attempt} error={save.error} clientErrors={checks.clientErrors} labels={labels} />
      <Textfield multiline rows={3} name="scope" label={t('pilot.scope')} description={t('pilot.scopeHint')} value={scope} onChange={(e) => setScope(e.target.value)} error={firstError(errors, 'scope')} required />
      <div className="row">
        <Textfield type="date" name="starts_on" label={t('pilot.start')} value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={firstError(errors, 'starts_on')} required />
        <Textfield type="date" name="ends_on" label={t('pilot.end')} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={firstError(errors, 'ends_on')} required />
      </div>
      <Textfield type="number" inputMode="numeric" min={1} name="users" label={t('pilot.users')} value={users} onChange={(e) => setUsers(e.target.value)} error={firstError(errors, 'users')} required />
      {pilot ? (
        <SelectField
          label={t('pilot.statusLabel')}
          name="status"
          includeEmpty={false}
          value={status}
          onChange={(v) => setStatus(v as PilotStatus)}
          options={PILOT_STATUSES.map((code) => ({ code, label: t(`pilot.status.${code}` as PilotKey) }))}
          error={firstError(errors, 'status')}
        />
      ) : null}
      <fieldset className="stack">
        <legend>{t('pilot.measures')}</legend>
        <Paragraph data-size="sm">{t('pilot.measuresHint')}</Paragraph>
        {firstError(errors, 'measures') ? (
          <Paragraph data-size="sm" data-color="danger">
            {firstError(errors, 'measures')}
          </Paragraph>
        ) : null}
        {measures.map((m, index) => (
          <div key={m.id ?? `new-${index}`} className="row pilot-measure">
            <Textfield name={`measure-${index}-name`} label={t('pilot.measureNameN', { n: index + 1 })} value={m.name} onChange={(e) => setMeasure(index, { name: e.target.value })} />
            <SelectField label={t('pilot.unitN', { n: index + 1 })} name={`measure-${index}-unit`} includeEmpty={false} value={m.unit} options={units} onChange={(v) => setMeasure(index, { unit: v })} />
            <Textfield name={`measure-${index}-baseline`} inputMode="decimal" label={t('pilot.baselineN', { n: index + 1 })} value={m.baseline} onChange={(e) => setMeasure(index, { baseline: e.target.value })} />
            {measures.length > 1 ? (
              <Button type="button" variant="tertiary" onClick={() => setMeasures((rows) => rows.filter((_, i) => i !== index))}>
                {t('pilot.removeMeasure', { n: index + 1 })}
              </Button>
            ) : null}
          </div>
        ))}
        {measures.length < 10 ? (
          <div>
            <Button type="button" variant="secondary" onClick={() => setMeasures((rows) => [...rows, { name: '', unit: 'count', baseline: '' }])}>
              {t('pilot.addMeasure')}
            </Button>
          </div>
        ) : null}
      </fieldset>
      {pilot ? <Checkbox label={t('pilot.makeResultsPublic')} checked={resultsPublic} onChange={(e) => setResultsPublic(e.target.checked)} /> : null}
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {pilot ? t('pilot.save') : t('pilot.submitAsk')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function ResultsForm({ needId, pilot, onDone }: { needId: string; pilot: Pilot; onDone: () => void }) {
  const { t } = usePilotI18n();
  const record = useRecordResults(needId);
  const checks = useFormChecks();
  const known = new Map(pilot.results.map((r) => [r.measure_id, r]));
  const [values, setValues] = useState<Record<number, { value: string; note: string }>>(
    Object.fromEntries(pilot.measures.map((m) => [m.id, { value: known.get(m.id)?.value?.toString() ?? '', note: known.get(m.id)?.note ?? '' }])),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled = pilot.measures.filter((m) => values[m.id]?.value.trim());
    if (!checks.run(filled.length === 0 ? { results: [t('pilot.errors.results')] } : {})) return;
    record.mutate(
      filled.map((m) => ({ measure_id: m.id, value: decimal(values[m.id]?.value ?? ''), note: values[m.id]?.note ?? '' })),
      { onSuccess: onDone },
    );
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="results-form-heading">
      <Heading level={3} data-size="xs" id="results-form-heading">
        {t('pilot.recordResults')}
      </Heading>
      <FormErrors key={checks.attempt} error={record.error} clientErrors={checks.clientErrors} labels={{ results: t('pilot.results') }} />
      {pilot.measures.map((m) => (
        <div key={m.id} className="row pilot-measure">
          <Textfield
            name={`result-${m.id}`}
            inputMode="decimal"
            label={t('pilot.resultFor', { name: m.name, unit: t(`pilot.units.${m.unit}` as PilotKey) })}
            value={values[m.id]?.value ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [m.id]: { value: e.target.value, note: v[m.id]?.note ?? '' } }))}
          />
          <Textfield
            name={`note-${m.id}`}
            label={t('pilot.note')}
            value={values[m.id]?.note ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [m.id]: { value: v[m.id]?.value ?? '', note: e.target.value } }))}
          />
        </div>
      ))}
      <div className="row">
        <Button type="submit" loading={record.isPending}>
          {t('pilot.saveResults')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

type Mode = 'view' | 'edit' | 'results';

/** A need's pilot (forsøk og utprøving): its buyer asks for one and records the results; everyone
 * who sees the need sees the pilot, and its results once the buyer made them public. */
export function PilotSection({ need }: { need: Need }) {
  const { t } = usePilotI18n();
  const needId = String(need.id);
  // Asked for only when the need has one (the need says so): no request that answers 404.
  const pilot = usePilot(needId, Boolean(need.has_pilot));
  const exists = Boolean(need.has_pilot) || Boolean(pilot.data); // or just saved
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const editor = Boolean(need.can_edit);
  const current = exists ? (pilot.data ?? null) : null;
  const loaded = !exists || pilot.isSuccess;
  if (loaded && current === null && !editor) return null;
  const done = (message: string | null) => () => {
    setMode('view');
    setNotice(message);
  };
  return (
    <section aria-labelledby="pilot-heading" className="stack">
      <Heading level={2} data-size="sm" id="pilot-heading">
        {t('pilot.title')}
      </Heading>
      <LiveNotice message={notice} />
      {exists && pilot.isPending ? <Loading /> : null}
      {exists && pilot.isError ? <ErrorAlert error={pilot.error} /> : null}
      {loaded && current === null && mode === 'view' ? (
        <>
          <Paragraph data-size="sm">{t('pilot.intro')}</Paragraph>
          <div>
            <Button variant="secondary" onClick={() => setMode('edit')}>
              {t('pilot.ask')}
            </Button>
          </div>
        </>
      ) : null}
      {current && mode === 'view' ? <PilotView pilot={current} editor={editor} /> : null}
      {editor && current && mode === 'view' ? (
        <div className="row">
          <Button variant="secondary" onClick={() => setMode('edit')}>
            {t('pilot.edit')}
          </Button>
          {current.status === 'running' || current.status === 'completed' ? (
            <Button variant="secondary" onClick={() => setMode('results')}>
              {t('pilot.recordResults')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {editor && mode === 'edit' ? <PilotForm needId={needId} pilot={current} onDone={done(t('pilot.saved'))} /> : null}
      {editor && current && mode === 'results' ? <ResultsForm needId={needId} pilot={current} onDone={done(t('pilot.resultsSaved'))} /> : null}
    </section>
  );
}
