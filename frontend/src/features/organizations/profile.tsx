import { Button, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/generated/schema';
import type { Organization } from '../../api/types';
import { checked, fieldErrorsOf, firstError } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { ErrorAlert, Loading } from '../../components/query-state';
import { useNeeds } from '../needs/api';
import { useSolutions } from '../solutions/api';
import { useProfileI18n } from './texts';

type ProfileInput = Required<components['schemas']['PatchedOrganizationProfileInputRequest']>;

const FIELDS = ['website', 'description', 'phone', 'email', 'postcode'] as const;

/** The checks the server makes too, so a typo is named before anything is sent. */
const POSTCODE = /^\d{4}$/;
const PHONE = /^\+?[0-9][0-9 -]*[0-9]$/;

function phoneOk(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= 8 && digits <= 15;
}

export function useSaveProfile(orgId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileInput) => api.patch('/api/organizations/{id}/', body, { params: { id: orgId } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['organizations', 'detail', String(orgId)] });
    },
  });
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
  const clientErrors =
    attempt > 0
      ? checked({
          phone: trimmed.phone && !phoneOk(trimmed.phone) ? t('profile.errors.phone') : null,
          postcode: trimmed.postcode && !POSTCODE.test(trimmed.postcode) ? t('profile.errors.postcode') : null,
        })
      : {};
  const errors = Object.keys(clientErrors).length > 0 ? clientErrors : fieldErrorsOf(save.error);
  const labels = Object.fromEntries(FIELDS.map((field) => [field, t(`profile.${field}`)]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const phoneBad = trimmed.phone && !phoneOk(trimmed.phone);
    const postcodeBad = trimmed.postcode && !POSTCODE.test(trimmed.postcode);
    if (phoneBad || postcodeBad) return;
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

type Listed = { id: number; title: string };

function PublishedList({ heading, items, path }: { heading: string; items: Listed[]; path: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <Heading level={3} data-size="xs">
        {heading}
      </Heading>
      <ul className="stack">
        {items.map((item) => (
          <li key={item.id}>
            <DsLink asChild>
              <Link to={`${path}/${item.id}`}>{item.title}</Link>
            </DsLink>
          </li>
        ))}
      </ul>
    </>
  );
}

/** What the organisation has published: its open needs and its solutions, as anyone sees them. */
export function PublishedSection({ org }: { org: Organization }) {
  const { t } = useProfileI18n();
  const query = { organization: String(org.id), status: 'published', page_size: '20' };
  const needs = useNeeds(query);
  const solutions = useSolutions(query);
  if (needs.isPending || solutions.isPending) return <Loading />;
  const needItems = needs.data?.results ?? [];
  const solutionItems = solutions.data ?? [];
  return (
    <section aria-labelledby="published-heading" className="stack">
      <Heading level={2} data-size="sm" id="published-heading">
        {t('profile.published')}
      </Heading>
      {needs.isError ? <ErrorAlert error={needs.error} /> : null}
      {solutions.isError ? <ErrorAlert error={solutions.error} /> : null}
      <PublishedList heading={t('profile.needs')} items={needItems} path="/needs" />
      <PublishedList heading={t('profile.solutions')} items={solutionItems} path="/solutions" />
      {needItems.length === 0 && solutionItems.length === 0 && !needs.isError && !solutions.isError ? (
        <>
          <Paragraph>{t('profile.nothingPublished')}</Paragraph>
          <div>
            <Button asChild variant="secondary">
              <Link to="/">{t('profile.search')}</Link>
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
