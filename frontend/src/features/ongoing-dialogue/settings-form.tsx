import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { ErrorAlert } from '../../components/query-state';
import { useOpenOngoing, type Ongoing } from './api';

/** The buyer opens ongoing dialogue (or changes it while open): how many meetings a week,
 * how long, where, and what it wants to talk about. */
export function SettingsForm({ needId, current, onDone }: { needId: string; current?: Ongoing; onDone?: () => void }) {
  const { t } = useI18n();
  const change = current?.status === 'open';
  const [capacity, setCapacity] = useState(String(current?.weekly_capacity ?? 2));
  const [minutes, setMinutes] = useState(String(current?.meeting_minutes ?? 45));
  const [place, setPlace] = useState(current?.place ?? '');
  const [topics, setTopics] = useState(current?.topics ?? '');
  const save = useOpenOngoing(needId, change);
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ weekly_capacity: Number(capacity), meeting_minutes: Number(minutes), place, topics }, { onSuccess: () => onDone?.() });
  };
  const fieldError = ['weekly_capacity', 'meeting_minutes', 'place', 'topics'].some((f) => firstError(errors, f));
  return (
    <form onSubmit={submit} className="form" aria-label={change ? t('ongoing.changeTitle') : t('ongoing.openTitle')} noValidate>
      <Textfield type="number" min={1} max={20} label={t('ongoing.capacity')} description={t('ongoing.capacityHint')} value={capacity} onChange={(e) => setCapacity(e.target.value)} error={firstError(errors, 'weekly_capacity')} />
      <Textfield type="number" min={15} max={240} label={t('ongoing.length')} value={minutes} onChange={(e) => setMinutes(e.target.value)} error={firstError(errors, 'meeting_minutes')} />
      <Textfield label={t('ongoing.place')} description={t('ongoing.placeHint')} required value={place} onChange={(e) => setPlace(e.target.value)} error={firstError(errors, 'place')} />
      <Textfield multiline rows={3} label={t('ongoing.topics')} description={t('ongoing.topicsHint')} value={topics} onChange={(e) => setTopics(e.target.value)} error={firstError(errors, 'topics')} />
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {change ? t('ongoing.saveChange') : t('ongoing.open')}
        </Button>
        {onDone ? (
          <Button type="button" variant="tertiary" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
      {save.isError && !fieldError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}
