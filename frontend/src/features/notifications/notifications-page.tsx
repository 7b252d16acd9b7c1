import { Button, Link as DsLink, Paragraph, ToggleGroup } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { LiveNotice } from '../../components/live-notice';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { NOTIFICATION_SETTINGS_PAGE, useMarkAllRead, useNotifications, useUnreadCount } from './api';
import { NotificationList } from './notification-list';

type Show = 'all' | 'unread';

function Notifications() {
  const { t } = useI18n();
  const [show, setShow] = useState<Show>('all');
  const list = useNotifications({ unread: show === 'unread' ? true : undefined });
  const unread = useUnreadCount().data ?? 0;
  const markAll = useMarkAllRead();
  const notice = markAll.isSuccess ? t('notifications.markedAll', { count: markAll.data.marked }) : null;
  return (
    <div className="stack">
      <div className="row notifications__tools">
        <ToggleGroup value={show} onChange={(v) => setShow(v as Show)} data-size="sm" aria-label={t('notifications.filter')}>
          <ToggleGroup.Item value="all">{t('notifications.all')}</ToggleGroup.Item>
          <ToggleGroup.Item value="unread">{t('notifications.unreadCount', { count: unread })}</ToggleGroup.Item>
        </ToggleGroup>
        <Button variant="secondary" data-size="sm" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
        <DsLink asChild>
          <Link to={NOTIFICATION_SETTINGS_PAGE}>{t('notifications.settingsLink')}</Link>
        </DsLink>
      </div>
      <LiveNotice message={notice} />
      {markAll.isError ? <ErrorAlert error={markAll.error} /> : null}
      <QueryState
        query={list}
        isEmpty={(d) => d.results.length === 0}
        empty={show === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty')}
      >
        {(d) => <NotificationList items={d.results} label={t('notifications.title')} />}
      </QueryState>
    </div>
  );
}

/** /notifications: every notification of the signed-in person, read and unread. */
export function NotificationsPage() {
  const { t } = useI18n();
  return (
    <section className="stack">
      <PageHeading title={t('notifications.title')}>{t('notifications.title')}</PageHeading>
      <Paragraph>{t('notifications.intro')}</Paragraph>
      <RequireAuth>
        <Notifications />
      </RequireAuth>
    </section>
  );
}
