import { Alert, Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { LiveNotice } from '../../components/live-notice';
import { PageHeading } from '../../components/page';
import { ErrorAlert, Loading } from '../../components/query-state';
import { NOTIFICATION_SETTINGS_PAGE, useUnsubscribe } from './api';

/** /notifications/unsubscribe?token=…: the link in every notification e-mail. Opening it
 * turns those e-mails off at once, without signing in; "undo" turns them on again. */
export function UnsubscribePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const off = useUnsubscribe();
  const undo = useUnsubscribe();
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    off.mutate({ token, channel: 'off' });
  }, [token, off]);
  const kinds = off.data?.kinds.map((k) => k.title).join(', ') ?? '';
  return (
    <section className="stack">
      <PageHeading title={t('notifications.unsubscribe.title')}>{t('notifications.unsubscribe.title')}</PageHeading>
      {!token ? (
        <Alert data-color="warning">
          <Paragraph>{t('notifications.unsubscribe.missing')}</Paragraph>
        </Alert>
      ) : off.isPending ? (
        <Loading label={t('notifications.unsubscribe.working')} />
      ) : off.isError ? (
        <ErrorAlert error={off.error} />
      ) : off.data ? (
        <div className="stack">
          <Alert data-color="success">
            <Paragraph>{t('notifications.unsubscribe.done', { kinds })}</Paragraph>
          </Alert>
          {undo.isSuccess ? null : (
            <div>
              <Button variant="secondary" loading={undo.isPending} onClick={() => undo.mutate({ token, channel: off.data.previous })}>
                {t('notifications.unsubscribe.undo')}
              </Button>
            </div>
          )}
          {undo.isError ? <ErrorAlert error={undo.error} /> : null}
        </div>
      ) : null}
      <LiveNotice message={undo.isSuccess ? t('notifications.unsubscribe.undone') : null} />
      <Paragraph>
        <DsLink asChild>
          <Link to={NOTIFICATION_SETTINGS_PAGE}>{t('notifications.unsubscribe.settings')}</Link>
        </DsLink>
      </Paragraph>
    </section>
  );
}
