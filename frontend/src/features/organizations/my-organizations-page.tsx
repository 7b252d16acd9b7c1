import { Button, Paragraph } from '@digdir/designsystemet-react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { useCurrentUser } from '../../app/session';
import { LiveNotice } from '../../components/live-notice';
import { PageHeading } from '../../components/page';
import { Empty } from '../../components/query-state';
import { MyJoinRequests } from './join-requests';
import { MyOrganizations } from './my-organizations';

function Inner() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  return (
    <div className="stack">
      <LiveNotice message={notice} />
      <Paragraph>{t('orgPage.myIntro')}</Paragraph>
      {(user?.memberships ?? []).length === 0 ? <Empty>{t('orgPage.noMemberships')}</Empty> : <MyOrganizations />}
      <div>
        <Button asChild variant="secondary">
          <Link to="/organizations/new">{t('orgPage.registerOrJoin')}</Link>
        </Button>
      </div>
      <MyJoinRequests />
    </div>
  );
}

/** "Mine virksomheter": the user's organisations and own requests to join others. */
export function MyOrganizationsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('orgPage.myTitle')}>{t('orgPage.myTitle')}</PageHeading>
      <RequireAuth>
        <Inner />
      </RequireAuth>
    </>
  );
}
