import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n';
import { LiveNotice } from '../../components/live-notice';
import { ErrorAlert } from '../../components/query-state';
import { useResendVerification } from './api';

/** After registering: the same message whether or not the address had an account. */
export function CheckEmail({ email }: { email: string }) {
  const { t } = useI18n();
  const resend = useResendVerification();
  return (
    <>
      <Alert data-color="info" role="status">
        <Heading level={2} data-size="xs">
          {t('auth.checkEmailTitle')}
        </Heading>
        <Paragraph>{t('auth.checkEmail', { email })}</Paragraph>
      </Alert>
      <Paragraph>{t('auth.checkEmailSpam')}</Paragraph>
      <div>
        <Button variant="secondary" loading={resend.isPending} onClick={() => resend.mutate(email)}>
          {t('auth.resendButton')}
        </Button>
      </div>
      {resend.error ? <ErrorAlert error={resend.error} /> : null}
      <LiveNotice message={resend.isSuccess ? t('auth.resent') : null} />
    </>
  );
}
