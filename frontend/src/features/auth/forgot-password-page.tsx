import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { LiveNotice } from '../../components/live-notice';
import { PageHeading } from '../../components/page';
import { usePasswordReset } from './api';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const reset = usePasswordReset();
  const errors = fieldErrorsOf(reset.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset.mutate(email);
  };
  return (
    <>
      <PageHeading title={t('auth.forgotTitle')}>{t('auth.forgotTitle')}</PageHeading>
      <form className="form" onSubmit={submit} style={{ maxWidth: '28rem' }}>
        <Paragraph>{t('auth.forgotIntro')}</Paragraph>
        <FormErrors error={reset.error} labels={{ email: t('auth.email') }} />
        <Textfield label={t('auth.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={firstError(errors, 'email')} />
        <div>
          <Button type="submit" loading={reset.isPending}>
            {t('auth.forgotButton')}
          </Button>
        </div>
        <LiveNotice message={reset.isSuccess ? t('auth.forgotSent', { email }) : null} color="info" />
      </form>
    </>
  );
}
