import { Badge, Link as DsLink } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { NOTIFICATIONS_PAGE, useUnreadCount } from './api';

/** The header's way to the notifications, with the unread count (in words for screen
 * readers: "Varsler, 3 uleste"). */
export function NotificationsLink() {
  const { t } = useI18n();
  const unread = useUnreadCount().data ?? 0;
  const label = unread > 0 ? t('notifications.headerUnread', { count: unread }) : t('notifications.title');
  return (
    <DsLink asChild>
      <Link to={NOTIFICATIONS_PAGE} aria-label={label} className="notifications-link" data-testid="notifications-link">
        {t('notifications.title')}
        {unread > 0 ? <Badge count={unread} maxCount={99} data-color="danger" aria-hidden="true" /> : null}
      </Link>
    </DsLink>
  );
}
