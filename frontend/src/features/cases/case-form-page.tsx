import { Button, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { checked, firstError, LengthAnnouncer, LengthCount, SelectField, useFormChecks, withRequiredMark } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useReference } from '../../components/reference';
import { useNeed } from '../needs/api';
import { useCase, useSaveCase, type CaseDetail, type CaseInput, type GainInput } from './api';
import { useCasesText, type CaseKey } from './texts';

/** The summary's minimum (CaseUpdateInput.summary on the server). */
const SUMMARY_MIN = 40;
const GAIN_TYPES = ['money_saved', 'hours_freed', 'co2_reduced', 'quality', 'other'] as const;
const UNITS = ['nok', 'hours', 'tonnes_co2e', 'percentage_points', 'percent', 'count', 'days', 'km'] as const;
const PERIODS = ['per_year', 'per_month', 'one_off', 'contract'] as const;
const BENEFICIARIES = ['buyer', 'other_sector', 'citizens'] as const;
/** The unit a type of gain is counted in (services.FIXED_UNITS on the server). */
const FIXED_UNIT: Partial<Record<GainInput['type'], GainInput['unit']>> = { money_saved: 'nok', hours_freed: 'hours', co2_reduced: 'tonnes_co2e' };

type GainRow = { type: GainInput['type']; description: string; amount: string; unit: GainInput['unit']; period: GainInput['period']; beneficiary: GainInput['beneficiary']; beneficiary_sector: string; measurement: string };

type FormState = {
  title: string;
  summary: string;
  procedure: string;
  stage_reached: string;
  supplier_names: string;
  lessons: string;
  gains: GainRow[];
};

const EMPTY_GAIN: GainRow = { type: 'money_saved', description: '', amount: '', unit: 'nok', period: 'per_year', beneficiary: 'buyer', beneficiary_sector: '', measurement: '' };

function initial(item: CaseDetail | undefined, defaults: { title: string; procedure: string; stage: string }): FormState {
  return {
    title: item?.title ?? defaults.title,
    summary: item?.summary ?? '',
    procedure: item?.procedure?.code ?? defaults.procedure,
    stage_reached: item?.stage_reached?.code ?? defaults.stage,
    supplier_names: (item?.supplier_names ?? []).join('\n'),
    lessons: item?.lessons ?? '',
    gains: (item?.gains ?? []).map((g) => ({
      type: (g.type?.code ?? 'other') as GainRow['type'],
      description: g.description ?? '',
      amount: g.amount,
      unit: (g.unit?.code ?? 'count') as GainRow['unit'],
      period: (g.period?.code ?? 'per_year') as GainRow['period'],
      beneficiary: (g.beneficiary?.code ?? 'buyer') as GainRow['beneficiary'],
      beneficiary_sector: g.beneficiary_sector?.code ?? '',
      measurement: g.measurement,
    })),
  };
}

function toInput(f: FormState, need: number): CaseInput {
  return {
    need,
    title: f.title,
    summary: f.summary,
    procedure: f.procedure as CaseInput['procedure'],
    stage_reached: f.stage_reached as CaseInput['stage_reached'],
    supplier_names: f.supplier_names.split('\n').map((s) => s.trim()).filter(Boolean),
    lessons: f.lessons,
    gains: f.gains.map((g) => ({ ...g, beneficiary_sector: (g.beneficiary === 'other_sector' ? g.beneficiary_sector : '') as GainInput['beneficiary_sector'] })),
  };
}

/** The server's message for one field of the n-th gain ({gains: {"0": {amount: [...]}}}). */
function gainError(error: unknown, n: number, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const gains = (error.body as { gains?: unknown } | null)?.gains;
  if (!gains || typeof gains !== 'object' || Array.isArray(gains)) return undefined;
  const row = (gains as Record<string, Record<string, string[]> | undefined>)[String(n)];
  return row?.[field]?.join(' ');
}

function GainFields({ row, n, error, onChange, onRemove }: { row: GainRow; n: number; error: unknown; onChange: (row: GainRow) => void; onRemove: () => void }) {
  const { tc } = useCasesText();
  const sectors = useReference('sectors');
  const set = <K extends keyof GainRow>(key: K, value: GainRow[K]) => onChange({ ...row, [key]: value });
  const options = <T extends string>(codes: readonly T[], group: string) => codes.map((code) => ({ code, label: tc(`vocab.${group}.${code}` as CaseKey) }));
  const setType = (type: GainRow['type']) => onChange({ ...row, type, unit: FIXED_UNIT[type] ?? row.unit });
  const prefix = `gain-${n}`;
  return (
    <Fieldset className="stack gain-row" data-testid={prefix}>
      <Fieldset.Legend>{tc('gains.rowLegend', { n: n + 1 })}</Fieldset.Legend>
      <SelectField id={`${prefix}-type`} name={`${prefix}-type`} label={tc('gains.type')} value={row.type} includeEmpty={false} options={options(GAIN_TYPES, 'type')} onChange={(v) => setType(v as GainRow['type'])} error={gainError(error, n, 'type')} />
      <Textfield id={`${prefix}-description`} label={tc('gains.description')} description={tc('gains.descriptionHint')} value={row.description} onChange={(e) => set('description', e.target.value)} error={gainError(error, n, 'description')} />
      <Textfield id={`${prefix}-amount`} label={tc('gains.amount')} description={withRequiredMark(true, tc('gains.amountHint'))} inputMode="decimal" required value={row.amount} onChange={(e) => set('amount', e.target.value.replace(/\s/g, '').replace(',', '.'))} error={gainError(error, n, 'amount')} />
      <SelectField id={`${prefix}-unit`} name={`${prefix}-unit`} label={tc('gains.unit')} value={row.unit} includeEmpty={false} options={options(UNITS, 'unit')} onChange={(v) => set('unit', v as GainRow['unit'])} error={gainError(error, n, 'unit')} />
      <SelectField id={`${prefix}-period`} name={`${prefix}-period`} label={tc('gains.period')} value={row.period} includeEmpty={false} options={options(PERIODS, 'period')} onChange={(v) => set('period', v as GainRow['period'])} error={gainError(error, n, 'period')} />
      <SelectField id={`${prefix}-beneficiary`} name={`${prefix}-beneficiary`} label={tc('gains.beneficiary')} value={row.beneficiary} includeEmpty={false} options={options(BENEFICIARIES, 'beneficiary')} onChange={(v) => set('beneficiary', v as GainRow['beneficiary'])} error={gainError(error, n, 'beneficiary')} />
      {row.beneficiary === 'other_sector' ? (
        <SelectField id={`${prefix}-sector`} name={`${prefix}-sector`} label={tc('gains.beneficiarySector')} value={row.beneficiary_sector} required options={sectors.data ?? []} onChange={(v) => set('beneficiary_sector', v)} error={gainError(error, n, 'beneficiary_sector')} />
      ) : null}
      <Textfield multiline rows={2} id={`${prefix}-measurement`} label={tc('gains.measurement')} description={withRequiredMark(true, tc('gains.measurementHint'))} required value={row.measurement} onChange={(e) => set('measurement', e.target.value)} error={gainError(error, n, 'measurement')} />
      <div>
        <Button type="button" variant="tertiary" data-size="sm" onClick={onRemove}>
          {tc('gains.remove', { n: n + 1 })}
        </Button>
      </div>
    </Fieldset>
  );
}

const IDS = Object.fromEntries(['title', 'summary', 'procedure', 'stage_reached', 'supplier_names', 'lessons', 'gains'].map((f) => [f, `case-${f}`]));

function CaseForm({ item, needId, defaults }: { item?: CaseDetail; needId: number; defaults: { title: string; procedure: string; stage: string } }) {
  const { t } = useI18n();
  const { tc } = useCasesText();
  const navigate = useNavigate();
  const [state, setState] = useState<FormState>(() => initial(item, defaults));
  const save = useSaveCase(item ? String(item.id) : undefined);
  const procedures = useReference('procedures');
  const stages = useReference('stages');
  const checks = useFormChecks();
  const errors = checks.errors(save.error);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const setGain = (n: number, row: GainRow) => set('gains', state.gains.map((g, i) => (i === n ? row : g)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checked({
      title: state.title.trim() ? null : tc('errors.title'),
      summary: state.summary.trim().length >= SUMMARY_MIN ? null : tc('errors.summary', { min: SUMMARY_MIN }),
      gains: state.gains.some((g) => !g.amount.trim() || !g.measurement.trim()) ? tc('errors.gains') : null,
    });
    if (checks.run(found)) save.mutate(toInput(state, needId), { onSuccess: (c) => navigate(`/cases/${c.id}`) });
  };
  const labels: Record<string, string> = {
    title: tc('fields.title'),
    summary: tc('fields.summary'),
    procedure: tc('fields.procedure'),
    stage_reached: tc('fields.stageReached'),
    supplier_names: tc('fields.suppliers'),
    lessons: tc('fields.lessons'),
    gains: tc('gains.title'),
    need: tc('fields.need'),
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormErrors key={checks.attempt} error={save.error} clientErrors={checks.clientErrors} labels={labels} ids={IDS} />
      <Textfield id={IDS.title} name="title" label={labels.title} description={withRequiredMark(true)} required value={state.title} onChange={(e) => set('title', e.target.value)} error={firstError(errors, 'title')} />
      <Textfield
        multiline
        rows={5}
        id={IDS.summary}
        name="summary"
        label={labels.summary}
        description={withRequiredMark(
          true,
          <>
            {tc('hints.summary')} <LengthCount value={state.summary} min={SUMMARY_MIN} />
          </>,
        )}
        required
        value={state.summary}
        onChange={(e) => set('summary', e.target.value)}
        error={firstError(errors, 'summary')}
      />
      <LengthAnnouncer value={state.summary} min={SUMMARY_MIN} />
      <SelectField id={IDS.procedure} name="procedure" label={labels.procedure ?? ''} value={state.procedure} required options={procedures.data ?? []} onChange={(v) => set('procedure', v)} error={firstError(errors, 'procedure')} />
      <SelectField id={IDS.stage_reached} name="stage_reached" label={labels.stage_reached ?? ''} value={state.stage_reached} required options={stages.data ?? []} onChange={(v) => set('stage_reached', v)} error={firstError(errors, 'stage_reached')} />
      <Textfield multiline rows={2} id={IDS.supplier_names} name="supplier_names" label={labels.supplier_names} description={tc('hints.suppliers')} value={state.supplier_names} onChange={(e) => set('supplier_names', e.target.value)} error={firstError(errors, 'supplier_names')} />
      <Textfield multiline rows={4} id={IDS.lessons} name="lessons" label={labels.lessons} description={tc('hints.lessons')} value={state.lessons} onChange={(e) => set('lessons', e.target.value)} error={firstError(errors, 'lessons')} />
      <section className="stack" aria-labelledby="gains-form-heading" id={IDS.gains} tabIndex={-1}>
        <Heading level={2} data-size="sm" id="gains-form-heading">
          {tc('gains.title')}
        </Heading>
        <Paragraph data-size="sm">{tc('hints.gains')}</Paragraph>
        {state.gains.map((row, n) => (
          <GainFields key={n} row={row} n={n} error={save.error} onChange={(r) => setGain(n, r)} onRemove={() => set('gains', state.gains.filter((_, i) => i !== n))} />
        ))}
        <div>
          <Button type="button" variant="secondary" onClick={() => set('gains', [...state.gains, { ...EMPTY_GAIN }])}>
            {tc('gains.add')}
          </Button>
        </div>
      </section>
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => navigate(-1)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function NewCase({ needId }: { needId: string }) {
  const need = useNeed(needId);
  return (
    <QueryState query={need}>
      {(n) => <CaseForm needId={n.id} defaults={{ title: n.title, procedure: n.procedure?.code ?? '', stage: n.stage?.code ?? '' }} />}
    </QueryState>
  );
}

function Inner() {
  const { tc } = useCasesText();
  const { id } = useParams();
  const [params] = useSearchParams();
  const item = useCase(id);
  const title = id ? tc('form.editTitle') : tc('form.newTitle');
  const needId = params.get('need') ?? '';
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph>{tc('form.intro')}</Paragraph>
      {id ? (
        <QueryState query={item}>{(c) => <CaseForm item={c} needId={c.need?.id ?? 0} defaults={{ title: c.title, procedure: '', stage: '' }} />}</QueryState>
      ) : (
        <NewCase needId={needId} />
      )}
    </>
  );
}

export function CaseFormPage() {
  return (
    <RequireAuth>
      <Inner />
    </RequireAuth>
  );
}
