import { Button, Card, Fieldset, Heading, Paragraph, Radio, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { osloLocalToIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ConfirmReasonButton } from '../../components/confirm-reason-button';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { LiveNotice } from '../../components/live-notice';
import { OrgName } from '../../components/org-name';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useAccept, useCancelMeeting, useDecline, useMeetingRequests, type DeclineReason, type MeetingRequest, type Ongoing } from './api';
import { weekName } from './weeks';

const started = (r: MeetingRequest) => !!r.starts_at && new Date(r.starts_at).getTime() <= Date.now();

/** The buyer proposes a time (and a place other than the dialogue's, if need be). */
function AcceptForm({ needId, request, ongoing, onDone }: { needId: string; request: MeetingRequest; ongoing: Ongoing; onDone: (message: string) => void }) {
  const { t, fmt } = useI18n();
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const accept = useAccept(needId);
  const errors = fieldErrorsOf(accept.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate(
      { requestId: request.id, starts_at: osloLocalToIso(startsAt) ?? startsAt, place },
      { onSuccess: (done) => onDone(t('ongoing.accepted', { org: request.organization.name, when: fmt.dateTime(done?.starts_at) })) },
    );
  };
  return (
    <form onSubmit={submit} className="form" aria-label={t('ongoing.acceptFor', { org: request.organization.name })} noValidate>
      <Textfield type="datetime-local" label={t('ongoing.startsAt')} description={t('ongoing.startsAtHint', { minutes: ongoing.meeting_minutes ?? 45 })} required value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={firstError(errors, 'starts_at') ?? firstError(errors, 'ends_at')} />
      <Textfield label={t('ongoing.meetingPlace')} description={t('ongoing.meetingPlaceHint', { place: ongoing.place })} value={place} onChange={(e) => setPlace(e.target.value)} error={firstError(errors, 'place')} />
      <div>
        <Button type="submit" loading={accept.isPending}>
          {t('ongoing.acceptSubmit')}
        </Button>
      </div>
      {accept.isError && !firstError(errors, 'starts_at') && !firstError(errors, 'ends_at') && !firstError(errors, 'place') ? <ErrorAlert error={accept.error} /> : null}
    </form>
  );
}

/** The buyer declines with one of the standard replies, shown as the supplier will read it. */
function DeclineForm({ needId, request, onDone }: { needId: string; request: MeetingRequest; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const decline = useDecline(needId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason) decline.mutate({ requestId: request.id, reason }, { onSuccess: () => onDone(t('ongoing.declined', { org: request.organization.name })) });
  };
  return (
    <form onSubmit={submit} className="form" aria-label={t('ongoing.declineFor', { org: request.organization.name })}>
      <Fieldset>
        <Fieldset.Legend>{t('ongoing.chooseReply')}</Fieldset.Legend>
        <Fieldset.Description>{t('ongoing.chooseReplyHint')}</Fieldset.Description>
        {request.replies.map((r) => (
          <Radio key={r.reason} name={`reply-${request.id}`} value={r.reason} checked={reason === r.reason} onChange={() => setReason(r.reason as DeclineReason)} label={r.label} description={r.text} />
        ))}
      </Fieldset>
      <div>
        <Button type="submit" variant="secondary" data-color="danger" disabled={!reason} loading={decline.isPending}>
          {t('ongoing.declineSubmit')}
        </Button>
      </div>
      {decline.isError ? <ErrorAlert error={decline.error} /> : null}
    </form>
  );
}

/** The buyer calls off an accepted meeting not yet held, saying why if it will: the supplier
 * is told, and both sides' calendars drop the meeting. */
function CancelMeeting({ needId, request, onNotice }: { needId: string; request: MeetingRequest; onNotice: (m: string) => void }) {
  const { t, fmt } = useI18n();
  const cancel = useCancelMeeting(needId);
  const org = request.organization.name;
  return (
    <ConfirmReasonButton
      label={t('ongoing.cancelMeetingFor', { org })}
      question={t('ongoing.cancelMeetingQuestion', { org, when: fmt.dateTime(request.starts_at) })}
      reasonHint={t('ongoing.cancelMeetingHint', { org })}
      confirm={t('ongoing.cancelMeetingConfirm', { org })}
      loading={cancel.isPending}
      error={cancel.error}
      onConfirm={(reason, done) =>
        cancel.mutate(
          { requestId: request.id, reason },
          {
            onSuccess: () => {
              done();
              onNotice(t('ongoing.meetingCancelled', { org }));
            },
          },
        )
      }
    >
      {t('ongoing.cancelMeeting')}
    </ConfirmReasonButton>
  );
}

function RequestCard({ needId, request, ongoing, manage, onNotice }: { needId: string; request: MeetingRequest; ongoing: Ongoing; manage: boolean; onNotice: (m: string) => void }) {
  const { t, fmt } = useI18n();
  const [acting, setActing] = useState<'accept' | 'decline' | null>(null);
  const done = (message: string) => {
    setActing(null);
    onNotice(message);
  };
  return (
    <Card>
      <div className="row">
        <Heading level={4} data-size="2xs">
          <OrgName org={request.organization} />
        </Heading>
        <Tag data-color={request.status === 'accepted' ? 'success' : request.status === 'pending' ? 'info' : 'neutral'}>{request.status_label}</Tag>
      </div>
      <Paragraph data-size="sm">{weekName(request.week_starts, t, fmt)}</Paragraph>
      <Paragraph className="prewrap">{request.topic}</Paragraph>
      {request.starts_at ? <Paragraph data-size="sm">{t('ongoing.meetingAt', { when: fmt.dateTime(request.starts_at), place: request.place ?? '' })}</Paragraph> : null}
      {request.reply ? <Paragraph data-size="sm" className="prewrap">{request.reply}</Paragraph> : null}
      {request.cancellation_reason ? <Paragraph data-size="sm" className="prewrap">{t('ongoing.cancellationReason', { reason: request.cancellation_reason })}</Paragraph> : null}
      {request.status === 'accepted' && started(request) ? (
        <div>
          <Button asChild variant="secondary" data-size="sm">
            <Link to={`/needs/${needId}/meetings/${request.id}`}>{t('record.openMinutes')}</Link>
          </Button>
        </div>
      ) : null}
      {manage && request.status === 'accepted' && !started(request) ? <CancelMeeting needId={needId} request={request} onNotice={onNotice} /> : null}
      {manage && request.status === 'pending' ? (
        <>
          <div className="row">
            <Button data-size="sm" variant={acting === 'accept' ? 'primary' : 'secondary'} aria-expanded={acting === 'accept'} onClick={() => setActing(acting === 'accept' ? null : 'accept')}>
              {t('ongoing.accept')}
            </Button>
            <Button data-size="sm" variant="tertiary" aria-expanded={acting === 'decline'} onClick={() => setActing(acting === 'decline' ? null : 'decline')}>
              {t('ongoing.decline')}
            </Button>
          </div>
          {acting === 'accept' ? <AcceptForm needId={needId} request={request} ongoing={ongoing} onDone={done} /> : null}
          {acting === 'decline' ? <DeclineForm needId={needId} request={request} onDone={done} /> : null}
        </>
      ) : null}
    </Card>
  );
}

/** Every request of the ongoing dialogue, for the buyer (who answers them) and advisors. */
export function BuyerRequests({ needId, ongoing, manage }: { needId: string; ongoing: Ongoing; manage: boolean }) {
  const { t } = useI18n();
  const requests = useMeetingRequests(needId, true);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="requests-heading" className="stack">
      <Heading level={3} data-size="xs" id="requests-heading">
        {t('ongoing.requestsTitle')}
      </Heading>
      <LiveNotice message={notice} />
      <QueryState query={requests} isEmpty={(d) => d.length === 0} empty={t('ongoing.noRequests')}>
        {(items) => (
          <ul className="cards" aria-label={t('ongoing.requestsTitle')}>
            {items.map((r) => (
              <li key={r.id}>
                <RequestCard needId={needId} request={r} ongoing={ongoing} manage={manage} onNotice={setNotice} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

