import { Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { SelectField, fieldErrorsOf, firstError } from '../../components/form-fields';
import { LiveNotice } from '../../components/live-notice';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useAskForMeeting, useMeetingRequests, useWithdraw, type MeetingRequest, type Ongoing } from './api';
import { weekName } from './weeks';

const started = (r: MeetingRequest) => !!r.starts_at && new Date(r.starts_at).getTime() <= Date.now();

/** A supplier asks for a meeting in a week with room, saying what it wants to talk about. */
function AskForm({ needId, ongoing, organization, onAsked }: { needId: string; ongoing: Ongoing; organization: number; onAsked: (message: string) => void }) {
  const { t, fmt } = useI18n();
  const open = ongoing.weeks.filter((w) => w.available > 0);
  const [week, setWeek] = useState(open[0]?.week ?? '');
  const [topic, setTopic] = useState('');
  const ask = useAskForMeeting(needId);
  const errors = fieldErrorsOf(ask.error);
  const options = ongoing.weeks.map((w) => ({
    code: w.week,
    label: w.available > 0 ? t('ongoing.weekOption', { week: weekName(w.monday, t, fmt), available: w.available }) : t('ongoing.weekFull', { week: weekName(w.monday, t, fmt) }),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate(
      { organization, week, topic },
      {
        onSuccess: () => {
          setTopic('');
          onAsked(t('ongoing.asked'));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="form" aria-label={t('ongoing.askTitle')} noValidate>
      <SelectField label={t('ongoing.chooseWeek')} description={t('ongoing.chooseWeekHint', { capacity: ongoing.weekly_capacity })} value={week} onChange={setWeek} options={options} error={firstError(errors, 'week')} includeEmpty={false} />
      <Textfield multiline rows={4} label={t('ongoing.topic')} description={t('ongoing.topicHint')} required value={topic} onChange={(e) => setTopic(e.target.value)} error={firstError(errors, 'topic')} />
      <div>
        <Button type="submit" loading={ask.isPending}>
          {t('ongoing.ask')}
        </Button>
      </div>
      {ask.isError && !firstError(errors, 'week') && !firstError(errors, 'topic') ? <ErrorAlert error={ask.error} /> : null}
    </form>
  );
}

function OwnRequest({ needId, request, onNotice }: { needId: string; request: MeetingRequest; onNotice: (m: string) => void }) {
  const { t, fmt } = useI18n();
  const withdraw = useWithdraw(needId);
  const canWithdraw = (request.status === 'pending' || request.status === 'accepted') && !started(request);
  return (
    <Card>
      <div className="row">
        <Heading level={4} data-size="2xs">
          {weekName(request.week_starts, t, fmt)}
        </Heading>
        <Tag data-color={request.status === 'accepted' ? 'success' : request.status === 'pending' ? 'info' : 'neutral'}>{request.status_label}</Tag>
      </div>
      <Paragraph className="prewrap">{request.topic}</Paragraph>
      {request.starts_at ? <Paragraph>{t('ongoing.meetingAt', { when: fmt.dateTime(request.starts_at), place: request.place ?? '' })}</Paragraph> : null}
      {request.reply ? <Paragraph className="prewrap">{request.reply}</Paragraph> : null}
      {request.cancellation_reason ? <Paragraph className="prewrap">{t('ongoing.cancellationReason', { reason: request.cancellation_reason })}</Paragraph> : null}
      <div className="row">
        {request.status === 'accepted' && started(request) ? (
          <Button asChild variant="secondary" data-size="sm">
            <Link to={`/needs/${needId}/meetings/${request.id}`}>{t('record.openMinutes')}</Link>
          </Button>
        ) : null}
        {canWithdraw ? (
          <Button data-size="sm" variant="tertiary" loading={withdraw.isPending} onClick={() => withdraw.mutate(request.id, { onSuccess: () => onNotice(t('ongoing.withdrawn')) })}>
            {t('ongoing.withdraw')}
          </Button>
        ) : null}
      </div>
      {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}
    </Card>
  );
}

/** The supplier's side: ask for a meeting (one request waits at a time), and its own requests. */
export function SupplierRequests({ needId, ongoing, organization, canAsk }: { needId: string; ongoing: Ongoing; organization: number; canAsk: boolean }) {
  const { t } = useI18n();
  const requests = useMeetingRequests(needId, true);
  const [notice, setNotice] = useState<string | null>(null);
  const waiting = (requests.data ?? []).some((r) => r.status === 'pending');
  return (
    <div className="stack">
      {canAsk && !waiting ? <AskForm needId={needId} ongoing={ongoing} organization={organization} onAsked={setNotice} /> : null}
      {canAsk && waiting ? <Paragraph data-size="sm">{t('ongoing.oneAtATime')}</Paragraph> : null}
      <LiveNotice message={notice} />
      <QueryState query={requests} isEmpty={(d) => d.length === 0} empty={null}>
        {(items) => (
          <section aria-labelledby="own-requests-heading" className="stack">
            <Heading level={3} data-size="xs" id="own-requests-heading">
              {t('ongoing.ownRequests')}
            </Heading>
            <ul className="cards" aria-label={t('ongoing.ownRequests')}>
              {items.map((r) => (
                <li key={r.id}>
                  <OwnRequest needId={needId} request={r} onNotice={setNotice} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </QueryState>
    </div>
  );
}
