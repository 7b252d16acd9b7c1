import { Card, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import { formatDateTime } from '../app/format';
import { useI18n } from '../app/i18n';
import { QueryState } from './query-state';

/** The signed-in user's notifications, e.g. alerts from saved searches. */
export function Notifications() {
  const { t, lang } = useI18n();
  const notifications = useQuery({
    queryKey: ['notifications', lang],
    queryFn: () => api.get('/api/notifications/', { query: { page_size: 20 } }),
    select: (d) => d.results,
  });
  return (
    <section aria-labelledby="notifications-heading" className="stack">
      <Heading level={2} data-size="sm" id="notifications-heading">
        {t('notifications.title')}
      </Heading>
      <QueryState query={notifications} isEmpty={(d) => d.length === 0} empty={t('notifications.empty')}>
        {(items) => (
          <ul className="cards" aria-label={t('notifications.title')}>
            {items.map((n) => (
              <li key={n.id}>
                <Card>
                  <Paragraph>
                    {n.link && n.link.startsWith('/') ? (
                      <DsLink asChild>
                        <Link to={n.link}>{n.title}</Link>
                      </DsLink>
                    ) : (
                      <strong>{n.title}</strong>
                    )}
                  </Paragraph>
                  {n.body ? <Paragraph data-size="sm">{n.body}</Paragraph> : null}
                  <div className="meta">
                    <span>{formatDateTime(n.created_at)}</span>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
