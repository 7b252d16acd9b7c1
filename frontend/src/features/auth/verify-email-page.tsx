import { Alert, Button, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useCurrentUser } from '../../app/session';
import { LiveNotice } from '../../components/live-notice';
import { ErrorAlert } from '../../components/query-state';
import { PageHeading } from '../../components/page';
import { useResendVerification, useVerifyEmail } from './api';

/** Opened from the link in the verification e-mail: /verify-email?token=… */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useVerifyEmail();
  const sent = useRef(false);
  useEffect(() => {
    // Once, also under StrictMode's double effects: the link is harmless twice, but quiet.
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);
  return (
    <>
      <PageHeading title={t('auth.verifyTitle')}>{t('auth.verifyTitle')}</PageHeading>
      <div className="form" style={{ maxWidth: '36rem' }}>
        {!token ? <Alert data-color="danger" role="alert"><Paragraph>{t('auth.verifyMissingToken')}</Paragraph></Alert> : null}
        {verify.isPending ? <Paragraph role="status">{t('auth.verifying')}</Paragraph> : null}
        {verify.isSuccess ? <Verified /> : null}
        {verify.error ? (
          <>
            <ErrorAlert error={verify.error} title={t('auth.verifyFailed')} />
            <ResendForm />
          </>
        ) : null}
        {!token ? <ResendForm /> : null}
      </div>
    </>
  );
}

function Verified() {
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <Alert data-color="success" role="status">
      <Paragraph>{t('auth.verified')}</Paragraph>
      <Paragraph>
        {user ? t('auth.verifiedNext') : t('auth.verifiedSignIn')}{' '}
        <DsLink asChild>
          {user ? <Link to="/organizations/new">{t('auth.goToOrganization')}</Link> : <Link to="/login?next=%2Forganizations%2Fnew">{t('layout.signIn')}</Link>}
        </DsLink>
      </Paragraph>
    </Alert>
  );
}

function ResendForm() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const resend = useResendVerification();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    resend.mutate(email);
  };
  return (
    <form className="form" onSubmit={submit}>
      <Textfield label={t('auth.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <div>
        <Button type="submit" variant="secondary" loading={resend.isPending}>
          {t('auth.resendButton')}
        </Button>
      </div>
      {resend.error ? <ErrorAlert error={resend.error} /> : null}
      <LiveNotice message={resend.isSuccess ? t('auth.resent') : null} />
    </form>
  );
}
