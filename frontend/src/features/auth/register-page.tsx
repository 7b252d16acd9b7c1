import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { useRegister } from '../../app/session';
import { checked, firstError, useFormChecks, withRequiredMark } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { CheckEmail } from './check-email';
import { looksLikeEmail, PASSWORD_MIN } from './rules';

const IDS = { full_name: 'register-name', email: 'register-email', password: 'register-password' };

export function RegisterPage() {
  const { t } = useI18n();
  const [form, setForm] = useState({ full_name: '', email: '', password: '' });
  const register = useRegister();
  const checks = useFormChecks();
  const errors = checks.errors(register.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checked({
      full_name: form.full_name.trim() ? null : t('auth.errors.fullName'),
      email: !form.email.trim() ? t('auth.errors.email') : !looksLikeEmail(form.email) ? t('auth.errors.emailFormat') : null,
      password: !form.password ? t('auth.errors.password') : form.password.length < PASSWORD_MIN ? t('auth.errors.passwordShort', { min: PASSWORD_MIN }) : null,
    });
    if (checks.run(found)) register.mutate({ ...form, email: form.email.trim() });
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
        <form className="form" onSubmit={submit} noValidate style={{ maxWidth: '28rem' }}>
          <FormErrors key={checks.attempt} error={register.error} clientErrors={checks.clientErrors} labels={labels} ids={IDS} heading="errors.registerHeading" />
          <Textfield
            id={IDS.full_name}
            name="full_name"
            label={labels.full_name}
            description={withRequiredMark(true)}
            autoComplete="name"
            required
            value={form.full_name}
            onChange={(e) => setForm({ ...form, full_name: e.target.value })}
            error={firstError(errors, 'full_name')}
          />
          <Textfield
            id={IDS.email}
            name="email"
            label={labels.email}
            description={withRequiredMark(true)}
            type="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
            error={firstError(errors, 'email')}
          />
          <Textfield
            id={IDS.password}
            name="password"
            label={labels.password}
            description={withRequiredMark(true, t('auth.passwordHint', { min: PASSWORD_MIN }))}
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            error={firstError(errors, 'password')}
          />
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
