import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { OrganizationInput, OrgKind } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { fieldErrorsOf, firstError, SelectField } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { useReference } from '../../components/reference';
import { useRegisterOrganization, type Registration } from './api';
import { isValidOrgNumber } from './org-number';

type OrgInput = Required<OrganizationInput>;

/** Public buyers, suppliers and research institutions register themselves; advisory
 * organisations are set up by the operators. */
const SELF_SERVICE_KINDS: OrgKind[] = ['public_buyer', 'supplier', 'research'];

/** Where a newly registered organisation's work starts. */
const START: Partial<Record<OrgKind, string>> = { supplier: '/supplier', research: '/research', public_buyer: '/buyer' };

function Registered({ result }: { result: Registration }) {
  const { t } = useI18n();
  if ('requested' in result) {
    return (
      <Alert data-color="info" role="status">
        <Heading level={2} data-size="xs">
          {t('org.requestTitle')}
        </Heading>
        <Paragraph>{t('org.requestSent', { name: result.requested.organization.name })}</Paragraph>
        <Button asChild variant="secondary">
          <Link to="/organizations">{t('org.seeRequests')}</Link>
        </Button>
      </Alert>
    );
  }
  const org = result.created;
  return (
    <Alert data-color="success" role="status">
      <Heading level={2} data-size="xs">
        {t('org.createdAdmin', { name: org.name })}
      </Heading>
      {org.verified ? null : <Paragraph>{t('org.createdUnverified')}</Paragraph>}
      <div className="row">
        <Button asChild>
          <Link to={`/organizations/${org.id}`}>{t('org.goToOrg')}</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link to={START[org.kind] ?? '/buyer'}>{t('common.continue')}</Link>
        </Button>
      </div>
    </Alert>
  );
}

function OrgForm() {
  const { t } = useI18n();
  const counties = useReference('counties');
  const [form, setForm] = useState<OrgInput>({ name: '', org_number: '', kind: 'public_buyer', municipality: '', county: '', website: '', description: '', message: '' });
  const [touched, setTouched] = useState(false);
  const create = useRegisterOrganization();
  const errors = fieldErrorsOf(create.error);
  const localOrgError = touched && form.org_number && !isValidOrgNumber(form.org_number) ? t('org.invalidNumber') : undefined;
  const set = (key: keyof OrgInput, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!isValidOrgNumber(form.org_number)) return;
    create.mutate({ ...form, org_number: form.org_number.replace(/\s/g, '') });
  };
  const kinds = SELF_SERVICE_KINDS.map((code) => ({ code, label: t(`org.kinds.${code}`) }));
  const labels = { name: t('org.name'), org_number: t('org.number'), kind: t('org.kind'), county: t('need.fields.county'), municipality: t('need.fields.municipality'), website: t('org.website'), description: t('org.description'), message: t('org.message') };
  if (create.isSuccess) return <Registered result={create.data} />;
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
        <Fieldset.Description>{t('org.kindHint')}</Fieldset.Description>
        {kinds.map((k) => (
          <Radio key={k.code} name="kind" value={k.code} label={k.label} checked={form.kind === k.code} onChange={() => set('kind', k.code)} />
        ))}
      </Fieldset>
      <SelectField label={labels.county} value={form.county} options={counties.data ?? []} onChange={(v) => set('county', v)} error={firstError(errors, 'county')} />
      <Textfield label={labels.municipality} value={form.municipality} onChange={(e) => set('municipality', e.target.value)} error={firstError(errors, 'municipality')} />
      <Textfield label={labels.website} type="url" value={form.website} onChange={(e) => set('website', e.target.value)} error={firstError(errors, 'website')} />
      <Textfield multiline rows={4} label={labels.description} value={form.description} onChange={(e) => set('description', e.target.value)} error={firstError(errors, 'description')} />
      <Textfield
        multiline
        rows={3}
        label={labels.message}
        description={t('org.messageHint')}
        value={form.message}
        maxLength={1000}
        onChange={(e) => set('message', e.target.value)}
        error={firstError(errors, 'message')}
      />
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
