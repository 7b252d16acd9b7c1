import { Alert, Button, Checkbox, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useResearchI18n } from './texts';
import { RequireAuth } from '../../app/require-auth';
import { firstOrgOfKind, useCurrentUser } from '../../app/session';
import { fieldErrorsOf, firstError, SelectField } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useReference } from '../../components/reference';
import { CpvPicker } from '../needs/cpv-picker';
import { useProfile, useSaveProfile, type Profile, type ProfileInput } from './api';

type Language = 'nb' | 'nn' | 'en';
type FormState = {
  title: string;
  description: string;
  methods: string;
  sectors: string[];
  cpv_codes: string[];
  keywords: string;
  contact_role: string;
  language: Language;
};

function initial(profile: Profile | undefined): FormState {
  return {
    title: profile?.title ?? '',
    description: profile?.description ?? '',
    methods: profile?.methods ?? '',
    sectors: profile?.sectors.map((s) => s.code) ?? [],
    cpv_codes: profile?.cpv_codes.map((c) => c.code) ?? [],
    keywords: profile?.keywords.join(', ') ?? '',
    contact_role: profile?.contact_role ?? '',
    language: (profile?.language as Language | undefined) ?? 'nb',
  };
}

function ProfileForm({ profile }: { profile?: Profile }) {
  const { t } = useResearchI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const institution = firstOrgOfKind(user, 'research');
  const sectors = useReference('sectors');
  const [state, setState] = useState<FormState>(() => initial(profile));
  const save = useSaveProfile(profile ? String(profile.id) : undefined);
  const errors = fieldErrorsOf(save.error);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const langOptions = (['nb', 'nn', 'en'] as const).map((l) => ({ code: l, label: t(`solution.languages.${l}`) }));
  const labels: Record<string, string> = {
    title: t('research.profile.title'),
    description: t('research.profile.description'),
    methods: t('research.profile.methods'),
    sectors: t('research.profile.sectors'),
    cpv_codes: t('research.profile.cpv'),
    keywords: t('research.profile.keywords'),
    contact_role: t('research.profile.contactRole'),
    language: t('research.profile.language'),
  };
  if (!profile && !institution)
    return (
      <Alert data-color="warning">
        <Paragraph>{t('research.form.noInstitution')}</Paragraph>
      </Alert>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ProfileInput = {
      organization: institution?.id ?? profile?.organization.id ?? 0,
      ...state,
      sectors: state.sectors as ProfileInput['sectors'],
      keywords: state.keywords
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    };
    save.mutate(body, { onSuccess: (saved) => void navigate(`/research/profiles/${saved.id}`) });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormErrors error={save.error} labels={labels} />
      <Textfield label={labels.title} required value={state.title} onChange={(e) => set('title', e.target.value)} error={firstError(errors, 'title')} />
      <Textfield
        label={labels.description}
        description={t('research.form.descriptionHint')}
        multiline
        rows={6}
        required
        value={state.description}
        onChange={(e) => set('description', e.target.value)}
        error={firstError(errors, 'description')}
      />
      <Textfield label={labels.methods} description={t('research.form.methodsHint')} multiline rows={3} value={state.methods} onChange={(e) => set('methods', e.target.value)} error={firstError(errors, 'methods')} />
      <Fieldset>
        <Fieldset.Legend>{labels.sectors}</Fieldset.Legend>
        {(sectors.data ?? []).map((s) => (
          <Checkbox
            key={s.code}
            label={s.label}
            value={s.code}
            checked={state.sectors.includes(s.code)}
            onChange={(e) => set('sectors', e.target.checked ? [...state.sectors, s.code] : state.sectors.filter((c) => c !== s.code))}
          />
        ))}
      </Fieldset>
      <CpvPicker value={state.cpv_codes} onChange={(c) => set('cpv_codes', c)} error={firstError(errors, 'cpv_codes')} />
      <Textfield label={labels.keywords} description={t('research.form.keywordsHint')} value={state.keywords} onChange={(e) => set('keywords', e.target.value)} error={firstError(errors, 'keywords')} />
      <Textfield label={labels.contact_role} description={t('research.form.contactRoleHint')} value={state.contact_role} onChange={(e) => set('contact_role', e.target.value)} error={firstError(errors, 'contact_role')} />
      <SelectField label={labels.language ?? ''} value={state.language} includeEmpty={false} options={langOptions} onChange={(v) => set('language', v as Language)} error={firstError(errors, 'language')} />
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

function EditProfile({ id }: { id: string }) {
  const profile = useProfile(id);
  return <QueryState query={profile}>{(p) => <ProfileForm profile={p} />}</QueryState>;
}

export function ProfileFormPage() {
  const { t } = useResearchI18n();
  const { id } = useParams();
  const title = id ? t('research.form.editTitle') : t('research.form.newTitle');
  return (
    <RequireAuth>
      <div className="stack">
        <PageHeading title={title}>{title}</PageHeading>
        {id ? <EditProfile id={id} /> : <ProfileForm />}
      </div>
    </RequireAuth>
  );
}
