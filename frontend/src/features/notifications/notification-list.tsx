import { Button, Card, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useMarkRead, type Notification } from './api';

/** One notification: its title links to the page it is about (opening it marks it read);
 * an unread one says so in words, not only by its look, and can be marked read. */
function NotificationItem({ notification }: { notification: Notification }) {
  const { t, fmt } = useI18n();
  const markRead = useMarkRead();
  const titleId = useId();
  const unread = notification.read_at === null;
  const open = () => {
    if (unread) markRead.mutate(notification.id);
  };
  const link = notification.link ?? '';
  const internal = link.startsWith('/');
  return (
    <Card data-unread={unread} className="notification" aria-labelledby={titleId}>
      <div className="notification__head">
        {unread ? (
          <Tag data-color="info" data-size="sm">
            {t('notifications.unreadMark')}
          </Tag>
        ) : null}
        <Paragraph id={titleId} className="notification__title">
          {internal ? (
            <DsLink asChild>
              <Link to={link} onClick={open}>
                {notification.title}
              </Link>
            </DsLink>
          ) : (
            <strong>{notification.title}</strong>
          )}
        </Paragraph>
      </div>
      {notification.body ? (
        <Paragraph data-size="sm" className="notification__body">
          {notification.body}
        </Paragraph>
      ) : null}
      <div className="meta">
        <span>{fmt.dateTime(notification.created_at)}</span>
        {unread ? (
          <Button
            variant="tertiary"
            data-size="sm"
            loading={markRead.isPending}
            onClick={() => markRead.mutate(notification.id)}
            aria-describedby={titleId}
          >
            {t('notifications.markRead')}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}

export function NotificationList({ items, label }: { items: Notification[]; label: string }) {
  return (
    <ul className="cards notifications" aria-label={label}>
      {items.map((n) => (
        <li key={n.id}>
          <NotificationItem notification={n} />
        </li>
      ))}
    </ul>
  );
}
