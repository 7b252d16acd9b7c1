import { Alert, Button, Dialog, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { useSession } from '../../app/session';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { oidcHref } from '../auth/oidc-sign-in';
import { ACCOUNT_DELETED_PAGE, PERSONAL_DATA_EXPORT, PRIVACY_PAGE, useDeleteAccount, useDeletionInfo } from './api';

function DownloadData() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="export-heading" className="stack">
      <Heading level={2} data-size="sm" id="export-heading">
        {t('privacy.exportTitle')}
      </Heading>
      <Paragraph>{t('privacy.exportText')}</Paragraph>
      <div>
        <Button asChild variant="secondary">
          <a href={PERSONAL_DATA_EXPORT} download>
            {t('privacy.exportButton')}
          </a>
        </Button>
      </div>
    </section>
  );
}

type Info = { has_password: boolean; recent_oidc_login: boolean };

/** The confirmation: the password, or a fresh ID-porten login for an account without one. */
function ConfirmDeletion({ info, onCancel }: { info: Info; onCancel: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const oidcUrl = useSession().data?.oidc_login_url ?? null;
  const remove = useDeleteAccount();
  const [password, setPassword] = useState('');
  const errors = fieldErrorsOf(remove.error);
  const passwordError = firstError(errors, 'password');
  const canConfirm = info.has_password || info.recent_oidc_login;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate(password, { onSuccess: () => navigate(ACCOUNT_DELETED_PAGE, { replace: true }) });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Heading level={2} data-size="xs" id="confirm-delete-heading">
        {t('privacy.confirmTitle')}
      </Heading>
      <Paragraph>{t('privacy.confirmText')}</Paragraph>
      {info.has_password ? (
        <Textfield
          label={t('privacy.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={passwordError}
          required
        />
      ) : info.recent_oidc_login ? (
        <Paragraph>{t('privacy.oidcRecent')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('privacy.oidcNeeded')}</Paragraph>
          {oidcUrl ? (
            <div>
              <Button asChild variant="secondary">
                <a href={oidcHref(oidcUrl, PRIVACY_PAGE)}>{t('privacy.oidcSignIn')}</a>
              </Button>
            </div>
          ) : null}
        </>
      )}
      {remove.isError && !passwordError ? <ErrorAlert error={remove.error} /> : null}
      <div className="row">
        {canConfirm ? (
          <Button type="submit" data-color="danger" loading={remove.isPending}>
            {t('privacy.confirmButton')}
          </Button>
        ) : null}
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function DeleteAccount() {
  const { t } = useI18n();
  const info = useDeletionInfo();
  const [asking, setAsking] = useState(false);
  return (
    <section aria-labelledby="delete-heading" className="stack">
      <Heading level={2} data-size="sm" id="delete-heading">
        {t('privacy.deleteTitle')}
      </Heading>
      <Paragraph>{t('privacy.deleteErased')}</Paragraph>
      <Paragraph>{t('privacy.deleteKept')}</Paragraph>
      <QueryState query={info}>
        {(data) =>
          data.blocking_organizations.length > 0 ? (
            <Alert data-color="warning">
              <Paragraph>{t('privacy.blocked')}</Paragraph>
              <ul>
                {data.blocking_organizations.map((org) => (
                  <li key={org.id}>
                    <DsLink asChild>
                      <Link to={`/organizations/${org.id}`}>{org.name}</Link>
                    </DsLink>
                  </li>
                ))}
              </ul>
            </Alert>
          ) : (
            <>
              <div>
                <Button data-color="danger" variant="secondary" onClick={() => setAsking(true)}>
                  {t('privacy.deleteButton')}
                </Button>
              </div>
              <Dialog open={asking} onClose={() => setAsking(false)} closeButton={t('common.cancel')} aria-labelledby="confirm-delete-heading">
                <Dialog.Block>{asking ? <ConfirmDeletion info={data} onCancel={() => setAsking(false)} /> : null}</Dialog.Block>
              </Dialog>
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/** "Mine data": a copy of one's personal data, and deleting one's account. */
export function PrivacyPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('privacy.title')}>{t('privacy.title')}</PageHeading>
      <RequireAuth>
        <div className="stack">
          <Paragraph>{t('privacy.intro')}</Paragraph>
          <DownloadData />
          <DeleteAccount />
        </div>
      </RequireAuth>
    </>
  );
}

/** Where a deleted account lands: signed out, with a word on what happened. */
export function AccountDeletedPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('privacy.deletedTitle')}>{t('privacy.deletedTitle')}</PageHeading>
      <Alert data-color="success" role="status">
        <Paragraph>{t('privacy.deletedText')}</Paragraph>
      </Alert>
      <Paragraph>
        <DsLink asChild>
          <Link to="/">{t('common.backToSearch')}</Link>
        </DsLink>
      </Paragraph>
    </>
  );
}
