import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Empty, ErrorAlert, Loading } from '../components/query-state';
import { useI18n } from './i18n';
import { useSession, userRoles, type Role } from './session';

/** Guards a page: signed in, and (optionally) holding one of the given roles. */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  const user = session.data.user;
  if (!user) {
    return (
      <div className="stack">
        <Paragraph>{t('auth.mustSignIn')}</Paragraph>
        <Button asChild>
          <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('layout.signIn')}</Link>
        </Button>
      </div>
    );
  }
  if (roles && !roles.some((r) => userRoles(user).has(r))) {
    return <Empty>{t('auth.wrongRole')}</Empty>;
  }
  return <>{children}</>;
}
