import { Alert, Button, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { Participant } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { useCurrentUser } from '../../app/session';
import { FormErrors } from '../../components/form-errors';
import { useRegister } from './api';

/** A supplier registers its organisation with one or more participants. */
export function RegistrationForm({ conferenceId, organization }: { conferenceId: string; organization: number }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [rows, setRows] = useState<Required<Participant>[]>([{ name: user?.full_name ?? '', email: user?.email ?? '', role: '' }]);
  const register = useRegister(conferenceId);
  const update = (i: number, key: keyof Participant, value: string) => setRows((r) => r.map((p, j) => (j === i ? { ...p, [key]: value } : p)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate({ organization, participants: rows.filter((r) => r.name.trim() && r.email.trim()) });
  };
  if (register.isSuccess) {
    return (
      <Alert data-color="success" role="status">
        <Paragraph>{t('conference.registered')}</Paragraph>
      </Alert>
    );
  }
  return (
    <form className="form" onSubmit={submit}>
      <FormErrors error={register.error} labels={{ participants: t('conference.participants') }} />
      {rows.map((p, i) => (
        <Fieldset key={i}>
          <Fieldset.Legend>{t('conference.participantN', { n: i + 1 })}</Fieldset.Legend>
          <div className="row">
            <Textfield label={t('auth.fullName')} required value={p.name} onChange={(e) => update(i, 'name', e.target.value)} />
            <Textfield label={t('auth.email')} type="email" required value={p.email} onChange={(e) => update(i, 'email', e.target.value)} />
            <Textfield label={t('conference.participantRole')} value={p.role} onChange={(e) => update(i, 'role', e.target.value)} />
          </div>
          {rows.length > 1 ? (
            <div>
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setRows((r) => r.filter((_, j) => j !== i))}>
                {t('common.removeItem', { item: t('conference.participantN', { n: i + 1 }) })}
              </Button>
            </div>
          ) : null}
        </Fieldset>
      ))}
      <div className="row">
        <Button type="button" variant="secondary" onClick={() => setRows((r) => [...r, { name: '', email: '', role: '' }])}>
          {t('conference.addParticipant')}
        </Button>
        <Button type="submit" loading={register.isPending}>
          {t('conference.registerButton')}
        </Button>
      </div>
    </form>
  );
}
