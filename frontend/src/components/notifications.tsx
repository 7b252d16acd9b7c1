import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useI18n } from '../app/i18n';
import { NOTIFICATIONS_PAGE, useNotifications } from '../features/notifications/api';
import { NotificationList } from '../features/notifications/notification-list';
import { QueryState } from './query-state';

/** The signed-in user's latest notifications on a dashboard, with a link to them all. */
export function Notifications() {
  const { t } = useI18n();
  const notifications = useNotifications({ pageSize: 5 });
  return (
    <section aria-labelledby="notifications-heading" className="stack">
      <Heading level={2} data-size="sm" id="notifications-heading">
        {t('notifications.title')}
      </Heading>
      <QueryState query={notifications} isEmpty={(d) => d.results.length === 0} empty={t('notifications.empty')}>
        {(d) => <NotificationList items={d.results} label={t('notifications.title')} />}
      </QueryState>
      <Paragraph>
        <DsLink asChild>
          <Link to={NOTIFICATIONS_PAGE}>{t('notifications.seeAll')}</Link>
        </DsLink>
      </Paragraph>
    </section>
  );
}
