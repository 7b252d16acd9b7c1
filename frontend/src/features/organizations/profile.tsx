import { Button, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { Fragment, useState, type FormEvent } from 'react';
import type { Organization } from '../../api/types';
import { checked, fieldErrorsOf, firstError } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { useSaveProfile, type ProfileInput } from './api';
import { useProfileI18n } from './texts';

const FIELDS = ['website', 'description', 'phone', 'email', 'postcode'] as const;

/** The checks the server makes too, so a typo is named before anything is sent. */
const POSTCODE = /^\d{4}$/;
const PHONE = /^\+?[0-9][0-9 -]*[0-9]$/;

function phoneOk(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= 8 && digits <= 15;
}

/** The organisation's public contact as rows of its facts (a `dl`'s `dt`/`dd` pairs). */
export function ContactRows({ org }: { org: Organization }) {
  const { t } = useProfileI18n();
  const rows = [
    ['profile.phone', org.phone ? <DsLink href={`tel:${org.phone.replace(/[ -]/g, '')}`}>{org.phone}</DsLink> : null],
    ['profile.email', org.email ? <DsLink href={`mailto:${org.email}`}>{org.email}</DsLink> : null],
    ['profile.postcode', org.postcode || null],
  ] as const;
  return (
    <>
      {rows
        .filter(([, value]) => value)
        .map(([key, value]) => (
          <Fragment key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </>
  );
}

function ProfileForm({ org, onDone }: { org: Organization; onDone: (saved: boolean) => void }) {
  const { t } = useProfileI18n();
  const [form, setForm] = useState<ProfileInput>({
    website: org.website ?? '',
    description: org.description ?? '',
    phone: org.phone ?? '',
    email: org.email ?? '',
    postcode: org.postcode ?? '',
  });
  const [attempt, setAttempt] = useState(0);
  const save = useSaveProfile(org.id);
  const set = (key: keyof ProfileInput, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const trimmed = { ...form, phone: form.phone.trim(), postcode: form.postcode.trim(), email: form.email.trim() };
  const problems = checked({
    phone: trimmed.phone && !phoneOk(trimmed.phone) ? t('profile.errors.phone') : null,
    postcode: trimmed.postcode && !POSTCODE.test(trimmed.postcode) ? t('profile.errors.postcode') : null,
  });
  const clientErrors = attempt > 0 ? problems : {};
  const errors = Object.keys(clientErrors).length > 0 ? clientErrors : fieldErrorsOf(save.error);
  const labels = Object.fromEntries(FIELDS.map((field) => [field, t(`profile.${field}`)]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (Object.keys(problems).length > 0) return;
    save.mutate(trimmed, { onSuccess: () => onDone(true) });
  };
  return (
    <form className="form" aria-labelledby="profile-form-heading" onSubmit={submit} noValidate>
      <Heading level={3} data-size="xs" id="profile-form-heading">
        {t('profile.formTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('profile.formIntro')}</Paragraph>
      <FormErrors key={attempt} error={save.error} clientErrors={clientErrors} labels={labels} />
      <Textfield name="phone" label={labels.phone} description={t('profile.phoneHint')} type="tel" autoComplete="tel" value={form.phone} onChange={(e) => set('phone', e.target.value)} error={firstError(errors, 'phone')} />
      <Textfield name="email" label={labels.email} description={t('profile.emailHint')} type="email" autoComplete="email" value={form.email} onChange={(e) => set('email', e.target.value)} error={firstError(errors, 'email')} />
      <Textfield
        name="postcode"
        label={labels.postcode}
        description={t('profile.postcodeHint')}
        inputMode="numeric"
        autoComplete="postal-code"
        maxLength={4}
        value={form.postcode}
        onChange={(e) => set('postcode', e.target.value)}
        error={firstError(errors, 'postcode')}
      />
      <Textfield name="website" label={labels.website} type="url" value={form.website} onChange={(e) => set('website', e.target.value)} error={firstError(errors, 'website')} />
      <Textfield name="description" multiline rows={4} label={labels.description} value={form.description} onChange={(e) => set('description', e.target.value)} error={firstError(errors, 'description')} />
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {t('profile.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>
          {t('profile.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Its administrators (and advisors) change the organisation's public profile and contact. */
export function ProfileEditor({ org, notify }: { org: Organization; notify: (message: string) => void }) {
  const { t } = useProfileI18n();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <ProfileForm
        org={org}
        onDone={(saved) => {
          setEditing(false);
          if (saved) notify(t('profile.saved'));
        }}
      />
    );
  }
  const missing = !org.phone && !org.email && !org.postcode;
  return (
    <div className="stack">
      {missing ? <Paragraph data-size="sm">{t('profile.noContact')}</Paragraph> : null}
      <div>
        <Button variant="secondary" onClick={() => setEditing(true)}>
          {t('profile.edit')}
        </Button>
      </div>
    </div>
  );
}
