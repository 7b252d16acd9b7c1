import { Button, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { User } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { homeOf, useLogin, useSession } from '../../app/session';
import { checked, firstError, useFormChecks } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/page';
import { connectsAfterPasswordLogin, oidcError, oidcHref, OidcSignIn } from './oidc-sign-in';
import { looksLikeEmail } from './rules';

export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** A sign-in with no page to return to lands on the person's own desk (app/home-redirect.tsx). */
export const HOME = '/home';

const IDS = { email: 'login-email', password: 'login-password' };

export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const checks = useFormChecks();
  const login = useLogin();
  const oidcUrl = useSession().data?.oidc_login_url ?? null;
  const oidc = oidcError(params.get('oidc'));
  const next = params.get('next') ? safeNext(params.get('next')) : HOME;
  const errors = checks.errors(login.error);
  const afterLogin = (session: { user: User | null }) => {
    // Refused an identity whose e-mail has a password account: signed in now, connect it.
    if (oidcUrl && connectsAfterPasswordLogin(oidc)) window.location.assign(oidcHref(oidcUrl, next, true));
    else navigate(next === HOME ? homeOf(session.user) : next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checked({
      email: !email.trim() ? t('auth.errors.email') : !looksLikeEmail(email) ? t('auth.errors.emailFormat') : null,
      password: !password ? t('auth.errors.password') : null,
    });
    if (checks.run(found)) login.mutate({ email: email.trim(), password }, { onSuccess: afterLogin });
  };
  const labels = { email: t('auth.email'), password: t('auth.password') };
  return (
    <>
      <PageHeading title={t('auth.signInTitle')}>{t('auth.signInTitle')}</PageHeading>
      <OidcSignIn url={oidcUrl} next={next} error={oidc} />
      <form className="form" onSubmit={submit} noValidate style={{ maxWidth: '28rem' }}>
        <FormErrors key={checks.attempt} error={login.error} clientErrors={checks.clientErrors} labels={labels} ids={IDS} heading="errors.loginHeading" />
        <Textfield
          id={IDS.email}
          name="email"
          label={labels.email}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={firstError(errors, 'email')}
        />
        <Textfield
          id={IDS.password}
          name="password"
          label={labels.password}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={firstError(errors, 'password')}
        />
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
