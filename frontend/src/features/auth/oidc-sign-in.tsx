import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n';

/** The codes the backend's OIDC callback sends back as /login?oidc=<code>. */
const OIDC_ERRORS = ['account_exists', 'email_missing', 'identity_in_use', 'already_connected', 'connect', 'unavailable', 'failed'] as const;
export type OidcError = (typeof OIDC_ERRORS)[number];

export function oidcError(code: string | null): OidcError | null {
  return OIDC_ERRORS.find((known) => known === code) ?? null;
}

/** After these, a password sign-in goes on to connect the identity to the account. */
export function connectsAfterPasswordLogin(error: OidcError | null): boolean {
  return error === 'account_exists' || error === 'connect';
}

/** The backend's OIDC login URL: where to land afterwards, and connect=1 to link a signed-in user. */
export function oidcHref(base: string, next: string, connect = false): string {
  const params = new URLSearchParams({ next });
  if (connect) params.set('connect', '1');
  return `${base}?${params.toString()}`;
}

type Props = { url: string | null; next: string; error: OidcError | null };

/** "Sign in with ID-porten", shown only when the backend has an OIDC issuer configured. */
export function OidcSignIn({ url, next, error }: Props) {
  const { t } = useI18n();
  return (
    <>
      {error ? (
        <Alert data-color={connectsAfterPasswordLogin(error) ? 'info' : 'danger'} role="alert">
          <Heading level={2} data-size="xs">
            {t('oidc.errorTitle')}
          </Heading>
          <Paragraph>{t(`oidc.errors.${error}`)}</Paragraph>
        </Alert>
      ) : null}
      {url ? (
        <div className="oidc-sign-in">
          <Button asChild>
            <a href={oidcHref(url, next)}>{t('oidc.signIn')}</a>
          </Button>
          <Paragraph>{t('oidc.or')}</Paragraph>
        </div>
      ) : null}
    </>
  );
}
