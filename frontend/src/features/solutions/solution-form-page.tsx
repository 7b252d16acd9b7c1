import { Button, Checkbox, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Solution, SolutionInput } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { useCurrentUser, userOrganizations } from '../../app/session';
import { checked, firstError, LengthAnnouncer, LengthCount, SelectField, useFormChecks, withRequiredMark } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { useReference } from '../../components/reference';
import { CpvPicker } from '../needs/cpv-picker';
import { useSaveSolution, useSolution } from './api';

type FormState = {
  title: string;
  description: string;
  sector: string;
  cpv_codes: string[];
  trl: number;
  regions: string[];
  language: 'nb' | 'nn' | 'en';
  website: string;
  organization: number;
};

function initial(s: Solution | undefined, orgId: number): FormState {
  return {
    title: s?.title ?? '',
    description: s?.description ?? '',
    sector: s?.sector?.code ?? '',
    cpv_codes: (s?.cpv_codes ?? []).map((c) => c.code),
    trl: s?.trl ?? 5,
    regions: (s?.regions ?? []).map((r) => r.code),
    language: s?.language ?? 'nb',
    website: s?.website ?? '',
    organization: s?.organization.id ?? orgId,
  };
}

/** The description's minimum (SolutionInput.description on the server). */
const DESCRIPTION_MIN = 40;

const IDS = Object.fromEntries(['title', 'description', 'sector', 'cpv_codes', 'trl', 'language', 'regions', 'website'].map((f) => [f, `solution-${f}`]));

/** Codes come from the reference lists; the backend validates them. */
function toInput(f: FormState): SolutionInput {
  return { ...f, sector: f.sector as SolutionInput['sector'], regions: f.regions as SolutionInput['regions'] };
}

function SolutionForm({ solution, orgId }: { solution?: Solution; orgId: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<FormState>(() => initial(solution, orgId));
  const save = useSaveSolution(solution ? String(solution.id) : undefined);
  const sectors = useReference('sectors');
  const counties = useReference('counties');
  const checks = useFormChecks();
  const errors = checks.errors(save.error);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checked({
      title: state.title.trim() ? null : t('solution.errors.title'),
      description: state.description.trim().length >= DESCRIPTION_MIN ? null : t('solution.errors.description', { min: DESCRIPTION_MIN }),
      sector: state.sector ? null : t('solution.errors.sector'),
    });
    if (checks.run(found)) save.mutate(toInput(state), { onSuccess: (s) => navigate(`/solutions/${s.id}`) });
  };
  const trlOptions = Array.from({ length: 9 }, (_, i) => ({ code: String(i + 1), label: t('solution.trlValue', { trl: i + 1 }) }));
  const langOptions = (['nb', 'nn', 'en'] as const).map((l) => ({ code: l, label: t(`solution.languages.${l}`) }));
  const labels: Record<string, string> = {
    title: t('solution.fields.title'),
    description: t('solution.fields.description'),
    sector: t('need.fields.sector'),
    trl: t('solution.fields.trl'),
    regions: t('solution.fields.regions'),
    language: t('solution.fields.language'),
    website: t('org.website'),
    cpv_codes: t('need.fields.cpv'),
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormErrors key={checks.attempt} error={save.error} clientErrors={checks.clientErrors} labels={labels} ids={IDS} />
      <Textfield
        id={IDS.title}
        name="title"
        label={labels.title}
        description={withRequiredMark(true)}
        required
        value={state.title}
        onChange={(e) => set('title', e.target.value)}
        error={firstError(errors, 'title')}
      />
      <Textfield
        multiline
        rows={6}
        id={IDS.description}
        name="description"
        label={labels.description}
        description={withRequiredMark(
          true,
          <>
            {t('solution.hints.description')} <LengthCount value={state.description} min={DESCRIPTION_MIN} />
          </>,
        )}
        required
        minLength={DESCRIPTION_MIN}
        value={state.description}
        onChange={(e) => set('description', e.target.value)}
        error={firstError(errors, 'description')}
      />
      <LengthAnnouncer value={state.description} min={DESCRIPTION_MIN} />
      <SelectField id={IDS.sector} name="sector" label={labels.sector ?? ''} value={state.sector} options={sectors.data ?? []} required onChange={(v) => set('sector', v)} error={firstError(errors, 'sector')} />
      <CpvPicker id={IDS.cpv_codes} value={state.cpv_codes} onChange={(c) => set('cpv_codes', c)} error={firstError(errors, 'cpv_codes')} />
      <SelectField id={IDS.trl} name="trl" label={labels.trl ?? ''} description={t('solution.hints.trl')} value={String(state.trl)} includeEmpty={false} options={trlOptions} onChange={(v) => set('trl', Number(v))} error={firstError(errors, 'trl')} />
      <SelectField id={IDS.language} name="language" label={labels.language ?? ''} value={state.language} includeEmpty={false} options={langOptions} onChange={(v) => set('language', v as FormState['language'])} error={firstError(errors, 'language')} />
      <Fieldset id={IDS.regions} tabIndex={-1}>
        <Fieldset.Legend>{labels.regions}</Fieldset.Legend>
        <Fieldset.Description>{t('solution.hints.regions')}</Fieldset.Description>
        {(counties.data ?? []).map((c) => (
          <Checkbox
            key={c.code}
            label={c.label}
            value={c.code}
            checked={state.regions.includes(c.code)}
            onChange={(e) => set('regions', e.target.checked ? [...state.regions, c.code] : state.regions.filter((r) => r !== c.code))}
          />
        ))}
      </Fieldset>
      <Textfield id={IDS.website} name="website" type="url" label={labels.website} value={state.website} onChange={(e) => set('website', e.target.value)} error={firstError(errors, 'website')} />
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

function Inner() {
  const { t } = useI18n();
  const { id } = useParams();
  const user = useCurrentUser();
  const solution = useSolution(id);
  const org = userOrganizations(user).find((o) => o.kind === 'supplier');
  const title = id ? t('solution.editTitle') : t('solution.newTitle');
  if (!id && !org) return <Empty>{t('solution.noOrg')}</Empty>;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {id ? <QueryState query={solution}>{(s) => <SolutionForm solution={s} orgId={s.organization.id} />}</QueryState> : <SolutionForm orgId={org?.id ?? 0} />}
    </>
  );
}

export function SolutionFormPage() {
  return (
    <RequireAuth roles={['supplier']}>
      <Inner />
    </RequireAuth>
  );
}
