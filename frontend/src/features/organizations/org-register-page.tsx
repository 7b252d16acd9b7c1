import { Alert, Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { OrganizationInput, OrgKind } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { fieldErrorsOf, firstError, SelectField } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { useReference } from '../../components/reference';
import { isValidOrgNumber } from './org-number';

type OrgInput = Required<OrganizationInput>;

function OrgForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const counties = useReference('counties');
  const [form, setForm] = useState<OrgInput>({ name: '', org_number: '', kind: 'public_buyer', municipality: '', county: '', website: '', description: '' });
  const [touched, setTouched] = useState(false);
  const create = useMutation({
    mutationFn: (body: OrgInput) => api.post('/api/organizations/', body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['session'] });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const localOrgError = touched && form.org_number && !isValidOrgNumber(form.org_number) ? t('org.invalidNumber') : undefined;
  const set = (key: keyof OrgInput, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!isValidOrgNumber(form.org_number)) return;
    create.mutate({ ...form, org_number: form.org_number.replace(/\s/g, '') });
  };
  const kinds: { code: OrgKind; label: string }[] = [
    { code: 'public_buyer', label: t('org.kinds.public_buyer') },
    { code: 'supplier', label: t('org.kinds.supplier') },
  ];
  const labels = { name: t('org.name'), org_number: t('org.number'), kind: t('org.kind'), county: t('need.fields.county'), municipality: t('need.fields.municipality'), website: t('org.website'), description: t('org.description') };
  if (create.isSuccess) {
    return (
      <Alert data-color="success" role="status">
        <Paragraph>{t('org.created', { name: create.data.name })}</Paragraph>
        <Button onClick={() => navigate(create.data.kind === 'supplier' ? '/supplier' : '/buyer')}>{t('common.continue')}</Button>
      </Alert>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormErrors error={create.error} labels={labels} />
      <Textfield label={labels.name} required value={form.name} onChange={(e) => set('name', e.target.value)} error={firstError(errors, 'name')} />
      <Textfield
        label={labels.org_number}
        description={t('org.numberHint')}
        inputMode="numeric"
        required
        value={form.org_number}
        onChange={(e) => set('org_number', e.target.value)}
        onBlur={() => setTouched(true)}
        error={localOrgError ?? firstError(errors, 'org_number')}
      />
      <Fieldset>
        <Fieldset.Legend>{labels.kind}</Fieldset.Legend>
        {kinds.map((k) => (
          <Radio key={k.code} name="kind" value={k.code} label={k.label} checked={form.kind === k.code} onChange={() => set('kind', k.code)} />
        ))}
      </Fieldset>
      <SelectField label={labels.county} value={form.county} options={counties.data ?? []} onChange={(v) => set('county', v)} error={firstError(errors, 'county')} />
      <Textfield label={labels.municipality} value={form.municipality} onChange={(e) => set('municipality', e.target.value)} error={firstError(errors, 'municipality')} />
      <Textfield label={labels.website} type="url" value={form.website} onChange={(e) => set('website', e.target.value)} error={firstError(errors, 'website')} />
      <Textfield multiline rows={4} label={labels.description} value={form.description} onChange={(e) => set('description', e.target.value)} error={firstError(errors, 'description')} />
      <Paragraph data-size="sm">{t('org.verificationNote')}</Paragraph>
      <div>
        <Button type="submit" loading={create.isPending}>
          {t('org.registerButton')}
        </Button>
      </div>
    </form>
  );
}

export function OrgRegisterPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('org.registerTitle')}>{t('org.registerTitle')}</PageHeading>
      <RequireAuth>
        <OrgForm />
      </RequireAuth>
    </>
  );
}
