import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Need, NeedInput } from '../../api/types';
import { isoToOsloLocal, osloLocalToIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { useCurrentUser, userOrganizations } from '../../app/session';
import { fieldErrorsOf, firstError, SelectField } from '../../components/form-fields';
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

/** Form strings → API input. Codes come from the reference lists; the backend validates them. */
function toInput(s: FormState): NeedInput {
  const money = (v: string) => (v.trim() === '' ? null : Number(v.replace(/\s/g, '')));
  return {
    ...s,
    sector: s.sector as NeedInput['sector'],
    county: s.county as NeedInput['county'],
    stage: s.stage as NeedInput['stage'],
    procedure: s.procedure as NeedInput['procedure'],
    budget_min: money(s.budget_min),
    budget_max: money(s.budget_max),
    response_deadline: s.response_deadline ? osloLocalToIso(s.response_deadline) : null,
  };
}

function NeedForm({ need, orgId }: { need?: Need; orgId: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<FormState>(() => initialState(need, orgId));
  const save = useSaveNeed(need ? String(need.id) : undefined);
  const sectors = useReference('sectors');
  const counties = useReference('counties');
  const stages = useReference('stages');
  const procedures = useReference('procedures');
  const buyers = useOrganizations({ kind: 'public_buyer' });
  const errors = fieldErrorsOf(save.error);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const productWords = findSolutionWords(`${state.title} ${state.description}`);
  const coBuyerError = firstError(errors, 'co_buyers') ?? firstError(errors, 'co_buyer_ids');
  const pendingIds = new Set((need?.pending_co_buyers ?? []).map((o) => o.id));
  // Only verified public buyers may be asked; ones already chosen stay visible so they can be removed.
  const coBuyerOptions = (buyers.data ?? []).filter((o) => o.id !== state.organization && (o.verified !== false || state.co_buyer_ids.includes(o.id)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toInput(state), { onSuccess: (saved) => navigate(`/needs/${saved.id}`) });
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
      <FormErrors error={save.error} labels={labels} />

      <Fieldset>
        <Fieldset.Legend>{t('need.form.step1')}</Fieldset.Legend>
        <Textfield
          label={t('need.fields.title')}
          description={t('need.hints.title')}
          value={state.title}
          required
          onChange={(e) => set('title', e.target.value)}
          error={firstError(errors, 'title')}
        />
        <Textfield
          multiline
          rows={6}
          label={t('need.fields.description')}
          description={t('need.hints.description')}
          value={state.description}
          required
          onChange={(e) => set('description', e.target.value)}
          error={firstError(errors, 'description')}
        />
        <Textfield
          multiline
          rows={4}
          label={t('need.fields.desiredEffect')}
          description={t('need.hints.desiredEffect')}
          value={state.desired_effect}
          required
          onChange={(e) => set('desired_effect', e.target.value)}
          error={firstError(errors, 'desired_effect')}
        />
        {productWords.length > 0 ? (
          <Alert data-color="warning" role="status">
            <Paragraph>{t('need.form.productWarning', { words: productWords.join(', ') })}</Paragraph>
          </Alert>
        ) : null}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('need.form.step2')}</Fieldset.Legend>
        <SelectField label={t('need.fields.sector')} value={state.sector} options={sectors.data ?? []} required onChange={(v) => set('sector', v)} error={firstError(errors, 'sector')} />
        <SelectField label={t('need.fields.county')} value={state.county} options={counties.data ?? []} onChange={(v) => set('county', v)} error={firstError(errors, 'county')} />
        <Textfield label={t('need.fields.municipality')} value={state.municipality} onChange={(e) => set('municipality', e.target.value)} error={firstError(errors, 'municipality')} />
        <CpvPicker value={state.cpv_codes} onChange={(codes) => set('cpv_codes', codes)} error={firstError(errors, 'cpv_codes')} />
        <div className="row">
          <Textfield label={t('need.fields.budgetMin')} inputMode="numeric" suffix="kr" value={state.budget_min} onChange={(e) => set('budget_min', e.target.value)} error={firstError(errors, 'budget_min')} />
          <Textfield label={t('need.fields.budgetMax')} inputMode="numeric" suffix="kr" value={state.budget_max} onChange={(e) => set('budget_max', e.target.value)} error={firstError(errors, 'budget_max')} />
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('need.form.step3')}</Fieldset.Legend>
        <SelectField label={t('need.fields.stage')} description={t('need.hints.stage')} value={state.stage} options={stages.data ?? []} onChange={(v) => set('stage', v)} error={firstError(errors, 'stage')} />
        <SelectField label={t('need.fields.procedure')} description={t('need.hints.procedure')} value={state.procedure} options={procedures.data ?? []} onChange={(v) => set('procedure', v)} error={firstError(errors, 'procedure')} />
        <Textfield
          type="datetime-local"
          label={t('need.deadlineInput')}
          description={t('common.osloTime')}
          value={state.response_deadline}
          onChange={(e) => set('response_deadline', e.target.value)}
          error={firstError(errors, 'response_deadline')}
        />
      </Fieldset>

      <Fieldset>
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
