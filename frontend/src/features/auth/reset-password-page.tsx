import { Alert, Button, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { usePasswordResetConfirm } from './api';
import { PASSWORD_MIN } from './rules';

/** Opened from the link in the reset e-mail: /reset-password?uid=…&token=… */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const uid = params.get('uid') ?? '';
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const confirm = usePasswordResetConfirm();
  const errors = fieldErrorsOf(confirm.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ uid, token, new_password: password });
  };
  const newLink = (
    <DsLink asChild>
      <Link to="/forgot-password">{t('auth.requestNewLink')}</Link>
    </DsLink>
  );
  if (confirm.isSuccess) {
    return (
      <>
        <PageHeading title={t('auth.resetTitle')}>{t('auth.resetTitle')}</PageHeading>
        <Alert data-color="success" role="status" style={{ maxWidth: '36rem' }}>
          <Paragraph>{t('auth.resetDone')}</Paragraph>
          <Paragraph>
            <DsLink asChild>
              <Link to="/login">{t('layout.signIn')}</Link>
            </DsLink>
          </Paragraph>
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('auth.resetTitle')}>{t('auth.resetTitle')}</PageHeading>
      <form className="form" onSubmit={submit} style={{ maxWidth: '28rem' }}>
        {!uid || !token ? (
          <Alert data-color="danger" role="alert">
            <Paragraph>
              {t('auth.resetInvalidLink')} {newLink}
            </Paragraph>
          </Alert>
        ) : null}
        <FormErrors error={confirm.error} labels={{ new_password: t('auth.newPassword') }} />
        {errors.token ? <Paragraph>{newLink}</Paragraph> : null}
        <Textfield label={t('auth.newPassword')} type="password" autoComplete="new-password" required description={t('auth.passwordHint', { min: PASSWORD_MIN })} value={password} onChange={(e) => setPassword(e.target.value)} error={firstError(errors, 'new_password')} />
        <div>
          <Button type="submit" loading={confirm.isPending} disabled={!uid || !token}>
            {t('auth.resetButton')}
          </Button>
        </div>
      </form>
    </>
  );
}
