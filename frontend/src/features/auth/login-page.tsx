import { Button, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useLogin, useSession } from '../../app/session';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { connectsAfterPasswordLogin, oidcError, oidcHref, OidcSignIn } from './oidc-sign-in';

export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const oidcUrl = useSession().data?.oidc_login_url ?? null;
  const oidc = oidcError(params.get('oidc'));
  const next = safeNext(params.get('next'));
  const errors = fieldErrorsOf(login.error);
  const afterLogin = () => {
    // Refused an identity whose e-mail has a password account: signed in now, connect it.
    if (oidcUrl && connectsAfterPasswordLogin(oidc)) window.location.assign(oidcHref(oidcUrl, next, true));
    else navigate(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email, password }, { onSuccess: afterLogin });
  };
  return (
    <>
      <PageHeading title={t('auth.signInTitle')}>{t('auth.signInTitle')}</PageHeading>
      <OidcSignIn url={oidcUrl} next={next} error={oidc} />
      <form className="form" onSubmit={submit} style={{ maxWidth: '28rem' }}>
        <FormErrors error={login.error} labels={{ email: t('auth.email'), password: t('auth.password') }} />
        <Textfield label={t('auth.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={firstError(errors, 'email')} />
        <Textfield label={t('auth.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={firstError(errors, 'password')} />
        <div>
          <Button type="submit" loading={login.isPending}>
            {t('layout.signIn')}
          </Button>
        </div>
        <Paragraph>
          <DsLink asChild>
            <Link to="/forgot-password">{t('auth.forgotPasswordLink')}</Link>
          </DsLink>
        </Paragraph>
        <Paragraph>
          {t('auth.noAccount')}{' '}
          <DsLink asChild>
            <Link to="/register">{t('auth.registerLink')}</Link>
          </DsLink>
        </Paragraph>
      </form>
    </>
  );
}
