import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ErrorAlert, Loading } from '../../components/query-state';
import { PageHeading } from '../../components/page';
import { useAcceptInvitation } from './api';

function SignInFirst() {
  const { t } = useI18n();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <div className="stack">
      <Paragraph>{t('invitationAccept.signInIntro')}</Paragraph>
      <div className="row">
        <Button asChild>
          <Link to={`/login?next=${next}`}>{t('layout.signIn')}</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link to={`/register?next=${next}`}>{t('invitationAccept.register')}</Link>
        </Button>
      </div>
    </div>
  );
}

function Accept({ token, email }: { token: string; email: string }) {
  const { t } = useI18n();
  const accept = useAcceptInvitation();
  if (accept.isSuccess) {
    const org = accept.data.organization;
    const role = t(`members.roles.${accept.data.role ?? 'member'}`).toLowerCase();
    return (
      <Alert data-color="success" role="status">
        <Heading level={2} data-size="xs">
          {t('invitationAccept.accepted', { org: org.name, role })}
        </Heading>
        <Button asChild>
          <Link to={`/organizations/${org.id}`}>{t('invitationAccept.goToOrg', { org: org.name })}</Link>
        </Button>
      </Alert>
    );
  }
  return (
    <div className="stack">
      <Paragraph>{t('invitationAccept.signedInAs', { email })}</Paragraph>
      {accept.isError ? (
        <div className="stack">
          <ErrorAlert error={accept.error} title={t('invitationAccept.failed')} />
          <Paragraph data-size="sm">{t('invitationAccept.wrongAddress')}</Paragraph>
        </div>
      ) : null}
      <div>
        <Button loading={accept.isPending} onClick={() => accept.mutate(token)}>
          {t('invitationAccept.accept')}
        </Button>
      </div>
    </div>
  );
}

/** The page the invitation e-mail links to: sign in (or register) with the invited address,
 * come back, and accept. */
export function InvitationAcceptPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const session = useSession();
  const token = params.get('token') ?? '';
  let body;
  if (!token) body = <Alert data-color="warning">{t('invitationAccept.missingToken')}</Alert>;
  else if (session.isPending) body = <Loading />;
  else if (session.isError) body = <ErrorAlert error={session.error} />;
  else if (!session.data.user) body = <SignInFirst />;
  else body = <Accept token={token} email={session.data.user.email} />;
  return (
    <>
      <PageHeading title={t('invitationAccept.title')}>{t('invitationAccept.title')}</PageHeading>
      {body}
    </>
  );
}
