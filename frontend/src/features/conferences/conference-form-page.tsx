import { Button, Checkbox, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Conference, ConferenceFormat } from '../../api/types';
import { isoToOsloLocal, osloLocalToIso } from '../../app/format';
import { useI18n, type MessageKey } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { firstOrgOfKind, useCurrentUser } from '../../app/session';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { useNeeds } from '../needs/api';
import { useConference, useSaveConference } from './api';

type FormState = {
  need_ids: number[];
  title: string;
  description: string;
  agenda: string;
  starts_at: string;
  ends_at: string;
  format: ConferenceFormat;
  location: string;
  stream_url: string;
  registration_deadline: string;
  capacity: string;
  max_slots_per_supplier: string;
};

const FORMATS: ConferenceFormat[] = ['physical', 'streamed', 'digital'];

function initial(conf: Conference | undefined, needId: string | null): FormState {
  return {
    need_ids: conf ? conf.needs.map((n) => n.id) : needId ? [Number(needId)] : [],
    title: conf?.title ?? '',
    description: conf?.description ?? '',
    agenda: conf?.agenda ?? '',
    starts_at: isoToOsloLocal(conf?.starts_at),
    ends_at: isoToOsloLocal(conf?.ends_at),
    format: conf?.format ?? 'physical',
    location: conf?.location ?? '',
    stream_url: conf?.stream_url ?? '',
    registration_deadline: isoToOsloLocal(conf?.registration_deadline),
    capacity: conf?.capacity != null ? String(conf.capacity) : '50',
    max_slots_per_supplier: String(conf?.max_slots_per_supplier ?? 1),
  };
}

function ConferenceForm({ conference, organization }: { conference?: Conference; organization: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [state, setState] = useState<FormState>(() => initial(conference, params.get('need')));
  const needs = useNeeds({ mine: 'true', status: 'published', page_size: '100' });
  const save = useSaveConference(conference ? String(conference.id) : undefined);
  const errors = fieldErrorsOf(save.error);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = (v: string) => osloLocalToIso(v) ?? '';
    save.mutate(
      {
        ...state,
        organization,
        starts_at: iso(state.starts_at),
        ends_at: iso(state.ends_at),
        registration_deadline: iso(state.registration_deadline),
        capacity: Number(state.capacity) || 0,
        max_slots_per_supplier: Number(state.max_slots_per_supplier) || 1,
      },
      { onSuccess: (c) => navigate(`/conferences/${c.id}`) },
    );
  };
  const labels: Record<string, string> = {
    need_ids: t('conference.needs'),
    title: t('conference.fields.title'),
    description: t('conference.fields.description'),
    agenda: t('conference.fields.agenda'),
    starts_at: t('conference.startsAt'),
    ends_at: t('conference.endsAt'),
    format: t('conference.fields.format'),
    location: t('conference.fields.location'),
    stream_url: t('conference.fields.streamUrl'),
    registration_deadline: t('conference.registrationDeadline'),
    capacity: t('conference.fields.capacity'),
    max_slots_per_supplier: t('conference.fields.maxSlots'),
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormErrors error={save.error} labels={labels} />
      <Fieldset>
        <Fieldset.Legend>{labels.need_ids}</Fieldset.Legend>
        <QueryState query={needs} isEmpty={(d) => d.results.length === 0} empty={t('conference.noNeeds')}>
          {(data) => (
            <>
              {data.results.map((n) => (
                <Checkbox
                  key={n.id}
                  label={n.title}
                  value={String(n.id)}
                  checked={state.need_ids.includes(n.id)}
                  onChange={(e) => set('need_ids', e.target.checked ? [...state.need_ids, n.id] : state.need_ids.filter((x) => x !== n.id))}
                />
              ))}
            </>
          )}
        </QueryState>
      </Fieldset>
      <Textfield label={labels.title} required value={state.title} onChange={(e) => set('title', e.target.value)} error={firstError(errors, 'title')} />
      <Textfield multiline rows={4} label={labels.description} value={state.description} onChange={(e) => set('description', e.target.value)} error={firstError(errors, 'description')} />
      <Textfield multiline rows={5} label={labels.agenda} description={t('conference.hints.agenda')} value={state.agenda} onChange={(e) => set('agenda', e.target.value)} error={firstError(errors, 'agenda')} />
      <div className="row">
        <Textfield type="datetime-local" label={labels.starts_at} description={t('common.osloTime')} required value={state.starts_at} onChange={(e) => set('starts_at', e.target.value)} error={firstError(errors, 'starts_at')} />
        <Textfield type="datetime-local" label={labels.ends_at} description={t('common.osloTime')} required value={state.ends_at} onChange={(e) => set('ends_at', e.target.value)} error={firstError(errors, 'ends_at')} />
      </div>
      <Textfield
        type="datetime-local"
        label={labels.registration_deadline}
        description={`${t('conference.hints.deadline')} ${t('common.osloTime')}`}
        required
        value={state.registration_deadline}
        onChange={(e) => set('registration_deadline', e.target.value)}
        error={firstError(errors, 'registration_deadline')}
      />
      <Fieldset>
        <Fieldset.Legend>{labels.format}</Fieldset.Legend>
        {FORMATS.map((f) => (
          <Radio key={f} name="format" value={f} label={t(`conference.formats.${f}` as MessageKey)} checked={state.format === f} onChange={() => set('format', f)} />
        ))}
      </Fieldset>
      {state.format !== 'digital' ? (
        <Textfield label={labels.location} value={state.location} onChange={(e) => set('location', e.target.value)} error={firstError(errors, 'location')} />
      ) : null}
      {state.format !== 'physical' ? (
        <Textfield type="url" label={labels.stream_url} value={state.stream_url} onChange={(e) => set('stream_url', e.target.value)} error={firstError(errors, 'stream_url')} />
      ) : null}
      <div className="row">
        <Textfield type="number" min={1} label={labels.capacity} value={state.capacity} onChange={(e) => set('capacity', e.target.value)} error={firstError(errors, 'capacity')} />
        <Textfield type="number" min={1} label={labels.max_slots_per_supplier} description={t('conference.hints.maxSlots')} value={state.max_slots_per_supplier} onChange={(e) => set('max_slots_per_supplier', e.target.value)} error={firstError(errors, 'max_slots_per_supplier')} />
      </div>
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
  const org = firstOrgOfKind(useCurrentUser(), 'public_buyer');
  const conf = useConference(id);
  const title = id ? t('conference.editTitle') : t('conference.newTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {id ? (
        <QueryState query={conf}>{(c) => <ConferenceForm conference={c} organization={c.organization.id} />}</QueryState>
      ) : org ? (
        <ConferenceForm organization={org.id} />
      ) : (
        <Empty>{t('need.form.noOrg')}</Empty>
      )}
    </>
  );
}

export function ConferenceFormPage() {
  return (
    <RequireAuth roles={['buyer', 'advisor']}>
      <Inner />
    </RequireAuth>
  );
}
