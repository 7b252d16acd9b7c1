import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Need, NeedInput } from '../../api/types';
import type { FieldErrors } from '../../api/client';
import { parseAmount, MAX_AMOUNT } from '../../app/amount';
import { isoToOsloLocal, osloLocalToIso, type FormatLang, type Formatters } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { useCurrentUser, userOrganizations } from '../../app/session';
import { checked, firstError, LengthAnnouncer, LengthCount, SelectField, useFormChecks, withRequiredMark } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { useOrganizations } from '../../components/organizations';
import { UnverifiedTag } from '../../components/org-name';
import { PageHeading } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { useReference } from '../../components/reference';
import { useNeed, useSaveNeed } from './api';
import { CpvPicker } from './cpv-picker';
import { findSolutionWords } from './solution-words';

type FormState = {
  title: string;
  description: string;
  desired_effect: string;
  sector: string;
  cpv_codes: string[];
  county: string;
  municipality: string;
  budget_min: string;
  budget_max: string;
  stage: string;
  procedure: string;
  response_deadline: string;
  co_buyer_ids: number[];
  organization: number;
};

function initialState(need: Need | undefined, orgId: number): FormState {
  return {
    title: need?.title ?? '',
    description: need?.description ?? '',
    desired_effect: need?.desired_effect ?? '',
    sector: need?.sector?.code ?? '',
    cpv_codes: (need?.cpv_codes ?? []).map((c) => c.code),
    county: need?.county?.code ?? '',
    municipality: need?.municipality ?? '',
    budget_min: need?.budget_min != null ? String(need.budget_min) : '',
    budget_max: need?.budget_max != null ? String(need.budget_max) : '',
    stage: need?.stage?.code ?? 'behovsavklaring',
    procedure: need?.procedure?.code ?? 'uavklart',
    response_deadline: isoToOsloLocal(need?.response_deadline),
    // Pending requests stay in the list: leaving them out would withdraw them on save.
    co_buyer_ids: [...(need?.co_buyers ?? []), ...(need?.pending_co_buyers ?? [])].map((o) => o.id),
    organization: need?.organization.id ?? orgId,
  };
}

/** The description's minimum (NeedInput.description on the server). */
export const DESCRIPTION_MIN = 40;

const ID = (field: string) => `need-${field}`;
const IDS: Record<string, string> = {
  ...Object.fromEntries(
    ['title', 'description', 'desired_effect', 'sector', 'county', 'municipality', 'cpv_codes', 'budget_min', 'budget_max', 'stage', 'procedure', 'response_deadline', 'co_buyer_ids'].map((f) => [f, ID(f)]),
  ),
  co_buyers: ID('co_buyer_ids'),
};

type T = ReturnType<typeof useI18n>['t'];

/** The amount in a budget field, or why it is not one (null: left empty). */
function amountError(text: string, lang: FormatLang, t: T, fmt: Formatters): string | null {
  const amount = parseAmount(text, lang);
  if (!amount || 'value' in amount) return null;
  if (amount.problem === 'tooLarge') return t('forms.amountTooLarge', { max: fmt.currency(MAX_AMOUNT) });
  return t(amount.problem === 'notWhole' ? 'forms.amountNotWhole' : 'forms.amountNotNumber');
}

function amountOf(text: string, lang: FormatLang): number | null {
  const amount = parseAmount(text, lang);
  return amount && 'value' in amount ? amount.value : null;
}

/** What the form checks before it sends, with the server's rules (NeedInput, needs/services.py). */
function check(s: FormState, need: Need | undefined, lang: FormatLang, t: T, fmt: Formatters): FieldErrors {
  const low = amountOf(s.budget_min, lang);
  const high = amountOf(s.budget_max, lang);
  const deadline = s.response_deadline ? osloLocalToIso(s.response_deadline) : null;
  const kept = need?.response_deadline && deadline && new Date(deadline).getTime() === new Date(need.response_deadline).getTime();
  return checked({
    title: s.title.trim() ? null : t('need.errors.title'),
    description: s.description.trim().length >= DESCRIPTION_MIN ? null : t('need.errors.description', { min: DESCRIPTION_MIN }),
    sector: s.sector ? null : t('need.errors.sector'),
    budget_min: amountError(s.budget_min, lang, t, fmt),
    budget_max: amountError(s.budget_max, lang, t, fmt) ?? (low !== null && high !== null && low > high ? t('need.errors.budgetOrder') : null),
    response_deadline: deadline && !kept && new Date(deadline).getTime() < Date.now() ? t('need.errors.deadlinePast') : null,
  });
}

/** Form strings → API input. Codes come from the reference lists; the backend validates them. */
function toInput(s: FormState, lang: FormatLang): NeedInput {
  return {
    ...s,
    sector: s.sector as NeedInput['sector'],
    county: s.county as NeedInput['county'],
    stage: s.stage as NeedInput['stage'],
    procedure: s.procedure as NeedInput['procedure'],
    budget_min: amountOf(s.budget_min, lang),
    budget_max: amountOf(s.budget_max, lang),
    response_deadline: s.response_deadline ? osloLocalToIso(s.response_deadline) : null,
  };
}

function NeedForm({ need, orgId }: { need?: Need; orgId: number }) {
  const { t, fmt, lang } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<FormState>(() => initialState(need, orgId));
  const checks = useFormChecks();
  const save = useSaveNeed(need ? String(need.id) : undefined);
  const sectors = useReference('sectors');
  const counties = useReference('counties');
  const stages = useReference('stages');
  const procedures = useReference('procedures');
  const buyers = useOrganizations({ kind: 'public_buyer' });
  const errors = checks.errors(save.error);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const productWords = findSolutionWords(`${state.title} ${state.description}`);
  const coBuyerError = firstError(errors, 'co_buyers') ?? firstError(errors, 'co_buyer_ids');
  const pendingIds = new Set((need?.pending_co_buyers ?? []).map((o) => o.id));
  // Only verified public buyers may be asked; ones already chosen stay visible so they can be removed.
  const coBuyerOptions = (buyers.data ?? []).filter((o) => o.id !== state.organization && (o.verified !== false || state.co_buyer_ids.includes(o.id)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (checks.run(check(state, need, lang, t, fmt))) save.mutate(toInput(state, lang), { onSuccess: (saved) => navigate(`/needs/${saved.id}`) });
  };

  const labels: Record<string, string> = {
    title: t('need.fields.title'),
    description: t('need.fields.description'),
    desired_effect: t('need.fields.desiredEffect'),
    sector: t('need.fields.sector'),
    county: t('need.fields.county'),
    municipality: t('need.fields.municipality'),
    budget_min: t('need.fields.budgetMin'),
    budget_max: t('need.fields.budgetMax'),
    stage: t('need.fields.stage'),
    procedure: t('need.fields.procedure'),
    response_deadline: t('need.deadline'),
    cpv_codes: t('need.fields.cpv'),
    co_buyer_ids: t('need.coBuyers.title'),
    co_buyers: t('need.coBuyers.title'),
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="hint">
        <Heading level={2} data-size="xs">
          {t('need.form.methodTitle')}
        </Heading>
        <Paragraph data-size="sm">{t('need.form.methodIntro')}</Paragraph>
      </div>
      <FormErrors key={checks.attempt} error={save.error} clientErrors={checks.clientErrors} labels={labels} ids={IDS} />

      <Fieldset>
        <Fieldset.Legend>{t('need.form.step1')}</Fieldset.Legend>
        <Textfield
          id={IDS.title}
          name="title"
          label={t('need.fields.title')}
          description={withRequiredMark(true, t('need.hints.title'))}
          value={state.title}
          required
          onChange={(e) => set('title', e.target.value)}
          error={firstError(errors, 'title')}
        />
        <Textfield
          multiline
          rows={6}
          id={IDS.description}
          name="description"
          label={t('need.fields.description')}
          description={withRequiredMark(
            true,
            <>
              {t('need.hints.description')} <LengthCount value={state.description} min={DESCRIPTION_MIN} />
            </>,
          )}
          value={state.description}
          required
          minLength={DESCRIPTION_MIN}
          onChange={(e) => set('description', e.target.value)}
          error={firstError(errors, 'description')}
        />
        <LengthAnnouncer value={state.description} min={DESCRIPTION_MIN} />
        <Textfield
          multiline
          rows={4}
          id={IDS.desired_effect}
          name="desired_effect"
          label={t('need.fields.desiredEffect')}
          description={t('need.hints.desiredEffect')}
          value={state.desired_effect}
          onChange={(e) => set('desired_effect', e.target.value)}
          error={firstError(errors, 'desired_effect')}
        />
        {productWords.length > 0 ? (
          <Alert data-color="warning" role="status">
            <Paragraph>{t('need.form.productWarning', { words: fmt.list(productWords) })}</Paragraph>
          </Alert>
        ) : null}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('need.form.step2')}</Fieldset.Legend>
        <SelectField id={IDS.sector} name="sector" label={t('need.fields.sector')} value={state.sector} options={sectors.data ?? []} required onChange={(v) => set('sector', v)} error={firstError(errors, 'sector')} />
        <SelectField id={IDS.county} name="county" label={t('need.fields.county')} value={state.county} options={counties.data ?? []} onChange={(v) => set('county', v)} error={firstError(errors, 'county')} />
        <Textfield id={IDS.municipality} name="municipality" label={t('need.fields.municipality')} value={state.municipality} onChange={(e) => set('municipality', e.target.value)} error={firstError(errors, 'municipality')} />
        <CpvPicker id={IDS.cpv_codes} value={state.cpv_codes} onChange={(codes) => set('cpv_codes', codes)} error={firstError(errors, 'cpv_codes')} />
        <div className="row">
          <Textfield
            id={IDS.budget_min}
            name="budget_min"
            label={t('need.fields.budgetMin')}
            description={t('forms.amountHint')}
            inputMode="decimal"
            suffix={t('need.fields.currency')}
            value={state.budget_min}
            onChange={(e) => set('budget_min', e.target.value)}
            error={firstError(errors, 'budget_min')}
          />
          <Textfield
            id={IDS.budget_max}
            name="budget_max"
            label={t('need.fields.budgetMax')}
            description={t('forms.amountHint')}
            inputMode="decimal"
            suffix={t('need.fields.currency')}
            value={state.budget_max}
            onChange={(e) => set('budget_max', e.target.value)}
            error={firstError(errors, 'budget_max')}
          />
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('need.form.step3')}</Fieldset.Legend>
        <SelectField id={IDS.stage} name="stage" label={t('need.fields.stage')} description={t('need.hints.stage')} value={state.stage} options={stages.data ?? []} onChange={(v) => set('stage', v)} error={firstError(errors, 'stage')} />
        <SelectField id={IDS.procedure} name="procedure" label={t('need.fields.procedure')} description={t('need.hints.procedure')} value={state.procedure} options={procedures.data ?? []} onChange={(v) => set('procedure', v)} error={firstError(errors, 'procedure')} />
        <Textfield
          id={IDS.response_deadline}
          name="response_deadline"
          type="datetime-local"
          label={t('need.deadlineInput')}
          description={t('common.osloTime')}
          value={state.response_deadline}
          onChange={(e) => set('response_deadline', e.target.value)}
          error={firstError(errors, 'response_deadline')}
        />
      </Fieldset>

      <Fieldset id={IDS.co_buyer_ids} tabIndex={-1}>
        <Fieldset.Legend>{t('need.coBuyers.title')}</Fieldset.Legend>
        <Fieldset.Description>
          {t('need.hints.coBuyers')} {t('need.coBuyers.requestNote')}
        </Fieldset.Description>
        {coBuyerOptions.map((o) => (
          <Checkbox
            key={o.id}
            label={
              <span className="org-name">
                {o.name} <UnverifiedTag org={o} />
              </span>
            }
            description={pendingIds.has(o.id) ? t('need.coBuyers.pending') : undefined}
            value={String(o.id)}
            checked={state.co_buyer_ids.includes(o.id)}
            onChange={(e) =>
              set('co_buyer_ids', e.target.checked ? [...state.co_buyer_ids, o.id] : state.co_buyer_ids.filter((x) => x !== o.id))
            }
          />
        ))}
        {coBuyerError ? <ValidationMessage>{coBuyerError}</ValidationMessage> : null}
      </Fieldset>

      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {need ? t('common.save') : t('need.form.saveDraft')}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => navigate(-1)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function NeedFormInner() {
  const { t } = useI18n();
  const { id } = useParams();
  const user = useCurrentUser();
  const need = useNeed(id);
  const orgs = userOrganizations(user).filter((o) => o.kind === 'public_buyer');
  const title = id ? t('need.form.editTitle') : t('need.form.newTitle');
  const org = orgs[0];
  if (!id && !org) return <Empty>{t('need.form.noOrg')}</Empty>;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {id ? <QueryState query={need}>{(n) => <NeedForm need={n} orgId={n.organization.id} />}</QueryState> : <NeedForm orgId={org?.id ?? 0} />}
    </>
  );
}

export function NeedFormPage() {
  return (
    <RequireAuth roles={['buyer', 'advisor']}>
      <NeedFormInner />
    </RequireAuth>
  );
}
