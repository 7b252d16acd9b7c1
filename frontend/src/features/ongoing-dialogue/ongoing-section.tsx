import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { Need } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { firstOrgOfKind, useCurrentUser, userRoles } from '../../app/session';
import { ConfirmButton } from '../../components/confirm-button';
import { isMemberOf } from '../../components/ids';
import { ErrorAlert, Loading } from '../../components/query-state';
import { useCloseOngoing, useOngoing, type Ongoing } from './api';
import { BuyerRequests } from './buyer-requests';
import { SettingsForm } from './settings-form';
import { SupplierRequests } from './supplier-requests';
import { weekName } from './weeks';

function Facts({ ongoing }: { ongoing: Ongoing }) {
  const { t, fmt } = useI18n();
  return (
    <>
      <dl className="dl">
        <dt>{t('ongoing.capacity')}</dt>
        <dd>{ongoing.weekly_capacity}</dd>
        <dt>{t('ongoing.length')}</dt>
        <dd>{t('ongoing.minutes', { minutes: ongoing.meeting_minutes ?? 45 })}</dd>
        <dt>{t('ongoing.place')}</dt>
        <dd>{ongoing.place}</dd>
        {ongoing.topics ? (
          <>
            <dt>{t('ongoing.topics')}</dt>
            <dd className="prewrap">{ongoing.topics}</dd>
          </>
        ) : null}
      </dl>
      {ongoing.weeks.length > 0 ? (
        <ul aria-label={t('ongoing.weeksTitle')} data-testid="ongoing-weeks">
          {ongoing.weeks.map((w) => (
            <li key={w.week}>{w.available > 0 ? t('ongoing.weekOption', { week: weekName(w.monday, t, fmt), available: w.available }) : t('ongoing.weekFull', { week: weekName(w.monday, t, fmt) })}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function HostTools({ needId, ongoing }: { needId: string; ongoing: Ongoing }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const close = useCloseOngoing(needId);
  if (editing) return <SettingsForm needId={needId} current={ongoing} onDone={() => setEditing(false)} />;
  return (
    <div className="stack">
      <div className="row">
        <Button variant="secondary" onClick={() => setEditing(true)}>
          {t('ongoing.change')}
        </Button>
        <ConfirmButton question={t('ongoing.closeQuestion')} loading={close.isPending} onConfirm={() => close.mutate(undefined)}>
          {t('ongoing.close')}
        </ConfirmButton>
      </div>
      {close.isError ? <ErrorAlert error={close.error} /> : null}
    </div>
  );
}

/** A need's ongoing dialogue (løpende dialog): the buyer opens it with a weekly capacity and
 * answers requests; suppliers ask for a meeting; everyone sees whether it is open and the
 * places left in the coming weeks. */
export function OngoingSection({ need }: { need: Need }) {
  const { t, fmt } = useI18n();
  const user = useCurrentUser();
  const needId = String(need.id);
  // Asked for only when the buyer has opened it (the need says so): no request that answers 404.
  const ongoing = useOngoing(needId, Boolean(need.has_ongoing_dialogue));
  const opened = Boolean(need.has_ongoing_dialogue) || ongoing.data !== undefined;
  const host = isMemberOf(user, need.organization.id);
  const advisor = userRoles(user).has('advisor');
  const supplierOrg = host ? undefined : firstOrgOfKind(user, 'supplier');
  const notOpened = !opened || (ongoing.error instanceof ApiError && ongoing.error.status === 404);
  if (!need.dialogue_open && (notOpened || ongoing.isPending)) return null;
  return (
    <section aria-labelledby="ongoing-heading" className="stack">
      <Heading level={2} data-size="sm" id="ongoing-heading">
        {t('ongoing.title')}
      </Heading>
      <Paragraph data-size="sm">{t('ongoing.intro')}</Paragraph>
      {opened && ongoing.isPending ? <Loading /> : null}
      {notOpened ? host && need.dialogue_open ? <SettingsForm needId={needId} /> : <Paragraph>{t('ongoing.notOpened')}</Paragraph> : null}
      {ongoing.isError && !notOpened ? <ErrorAlert error={ongoing.error} /> : null}
      {ongoing.data ? (
        <>
          {ongoing.data.status === 'closed' ? (
            <Alert data-color="info">
              <Paragraph>{t('ongoing.closed', { when: fmt.dateTime(ongoing.data.closed_at) })}</Paragraph>
            </Alert>
          ) : (
            <Facts ongoing={ongoing.data} />
          )}
          {host && ongoing.data.status === 'open' ? <HostTools needId={needId} ongoing={ongoing.data} /> : null}
          {host && ongoing.data.status === 'closed' && need.dialogue_open ? <SettingsForm needId={needId} current={ongoing.data} /> : null}
          {host || advisor ? <BuyerRequests needId={needId} ongoing={ongoing.data} manage={host} /> : null}
          {supplierOrg && user ? <SupplierRequests needId={needId} ongoing={ongoing.data} organization={supplierOrg.id} canAsk={ongoing.data.status === 'open' && need.dialogue_open} /> : null}
          {!user && ongoing.data.status === 'open' ? <Paragraph>{t('ongoing.signIn')}</Paragraph> : null}
        </>
      ) : null}
    </section>
  );
}
