import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { useRegister } from '../../app/session';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { CheckEmail } from './check-email';

export function RegisterPage() {
  const { t } = useI18n();
  const [form, setForm] = useState({ full_name: '', email: '', password: '' });
  const register = useRegister();
  const errors = fieldErrorsOf(register.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate(form);
  };
  const labels = { full_name: t('auth.fullName'), email: t('auth.email'), password: t('auth.password') };
  return (
    <>
      <PageHeading title={t('auth.registerTitle')}>{t('auth.registerTitle')}</PageHeading>
      {register.isSuccess ? (
        <div className="form" style={{ maxWidth: '36rem' }}>
          <CheckEmail email={form.email} />
        </div>
      ) : (
        <form className="form" onSubmit={submit} style={{ maxWidth: '28rem' }}>
          <FormErrors error={register.error} labels={labels} />
          <Textfield label={labels.full_name} autoComplete="name" required value={form.full_name} onChange={(e) => setForm({ ...form, full_name: e.target.value })} error={firstError(errors, 'full_name')} />
          <Textfield label={labels.email} type="email" autoComplete="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={firstError(errors, 'email')} />
          <Textfield label={labels.password} type="password" autoComplete="new-password" required description={t('auth.passwordHint')} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} error={firstError(errors, 'password')} />
          <div>
            <Button type="submit" loading={register.isPending}>
              {t('auth.registerButton')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
