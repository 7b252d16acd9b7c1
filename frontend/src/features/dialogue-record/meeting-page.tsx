import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { LiveNotice } from '../../components/live-notice';
import { OrgName } from '../../components/org-name';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useCommentMinutes, useMinutes, useSaveMinutes, useShareInMeeting, type MeetingRef, type Minutes } from './api';
import { SharedEntries, ShareForm } from './shared-log';

const held = (minutes: Minutes) => new Date(minutes.meeting.starts_at).getTime() <= Date.now();

/** The host writes the minutes: saved as a draft only the buyer reads, or sent to the supplier. */
function MinutesForm({ meetingRef, minutes }: { meetingRef: MeetingRef; minutes: Minutes }) {
  const { t } = useI18n();
  const [text, setText] = useState(minutes.text);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSaveMinutes(meetingRef);
  const errors = fieldErrorsOf(save.error);
  const submit = (send: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    setNotice(null);
    save.mutate({ text, send }, { onSuccess: () => setNotice(t(send ? 'record.minutesSent' : 'record.minutesSaved')) });
  };
  return (
    <form onSubmit={submit(false)} className="form" aria-label={t('record.minutesForm')} noValidate>
      <Textfield multiline rows={10} label={t('record.minutes')} description={t('record.minutesHint')} value={text} onChange={(e) => setText(e.target.value)} error={firstError(errors, 'text')} />
      <div className="row">
        <Button type="submit" variant="secondary" loading={save.isPending && save.variables?.send === false}>
          {t('record.saveDraft')}
        </Button>
        <Button type="button" loading={save.isPending && save.variables?.send === true} onClick={submit(true)}>
          {minutes.sent_at ? t('record.sendRevised') : t('record.send')}
        </Button>
      </div>
      {save.isError && !firstError(errors, 'text') ? <ErrorAlert error={save.error} /> : null}
      <LiveNotice message={notice} />
    </form>
  );
}

function CommentForm({ meetingRef }: { meetingRef: MeetingRef }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const comment = useCommentMinutes(meetingRef);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    comment.mutate(text, {
      onSuccess: () => {
        setText('');
        setNotice(t('record.commentSent'));
      },
    });
  };
  const error = firstError(fieldErrorsOf(comment.error), 'text');
  return (
    <form onSubmit={submit} className="form" aria-label={t('record.commentTitle')} noValidate>
      <Textfield multiline rows={4} label={t('record.comment')} description={t('record.commentHint')} value={text} onChange={(e) => setText(e.target.value)} error={error} />
      <div>
        <Button type="submit" loading={comment.isPending}>
          {t('record.sendComment')}
        </Button>
      </div>
      {comment.isError && !error ? <ErrorAlert error={comment.error} /> : null}
      <LiveNotice message={notice} />
    </form>
  );
}

function MinutesView({ meetingRef, minutes }: { meetingRef: MeetingRef; minutes: Minutes }) {
  const { t, fmt } = useI18n();
  const share = useShareInMeeting(meetingRef);
  const { meeting } = minutes;
  const when = `${fmt.dateTime(meeting.starts_at)}–${fmt.time(meeting.ends_at)}`;
  const title = t('record.meetingTitle', { when });
  const state = minutes.sent_at ? t('record.sentAt', { when: fmt.dateTime(minutes.sent_at) }) : minutes.text ? t('record.draft') : t('record.notWritten');
  return (
    <article className="stack">
      <PageHeading title={title}>{title}</PageHeading>
      <dl className="dl">
        {meeting.conference ? (
          <>
            <dt>{t('record.conference')}</dt>
            <dd>
              <DsLink asChild>
                <Link to={`/conferences/${meeting.conference.id}`}>{meeting.conference.title}</Link>
              </DsLink>
            </dd>
          </>
        ) : null}
        {meeting.need ? (
          <>
            <dt>{t('record.ongoingNeed')}</dt>
            <dd>
              <DsLink asChild>
                <Link to={`/needs/${meeting.need.id}`}>{meeting.need.title}</Link>
              </DsLink>
            </dd>
          </>
        ) : null}
        <dt>{t('record.host')}</dt>
        <dd>
          <OrgName org={meeting.host} />
        </dd>
        <dt>{t('record.supplier')}</dt>
        <dd>{meeting.supplier ? <OrgName org={meeting.supplier} /> : t('record.noSupplier')}</dd>
      </dl>
      <Alert data-color="info">
        <Paragraph data-size="sm">{t('record.confidential')}</Paragraph>
      </Alert>
      <section aria-labelledby="minutes-heading" className="stack">
        <div className="row">
          <Heading level={2} data-size="sm" id="minutes-heading">
            {t('record.minutesTitle')}
          </Heading>
          <Tag data-color={minutes.sent_at ? 'success' : 'neutral'}>{state}</Tag>
        </div>
        {minutes.can_write && held(minutes) ? (
          <MinutesForm meetingRef={meetingRef} minutes={minutes} />
        ) : minutes.text ? (
          <Paragraph className="prewrap" data-testid="minutes-text">
            {minutes.text}
          </Paragraph>
        ) : (
          <Paragraph>{held(minutes) ? t('record.notSentYet') : t('record.notHeldYet')}</Paragraph>
        )}
      </section>
      <section aria-labelledby="comments-heading" className="stack">
        <Heading level={2} data-size="sm" id="comments-heading">
          {t('record.commentsTitle')}
        </Heading>
        {minutes.comments.length === 0 ? (
          <Paragraph data-size="sm">{t('record.noComments')}</Paragraph>
        ) : (
          <ul className="cards" aria-label={t('record.commentsTitle')}>
            {minutes.comments.map((c) => (
              <li key={c.id}>
                <Card>
                  <Paragraph className="prewrap">{c.text}</Paragraph>
                  <div className="meta">
                    <OrgName org={c.organization} />
                    <span>{fmt.dateTime(c.created_at)}</span>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
        {minutes.can_comment ? <CommentForm meetingRef={meetingRef} /> : null}
      </section>
      <section aria-labelledby="meeting-shared-heading" className="stack">
        <Heading level={2} data-size="sm" id="meeting-shared-heading">
          {t('record.sharedTitle')}
        </Heading>
        {minutes.can_write && held(minutes) && meeting.supplier ? (
          <ShareForm label={t('record.shareInMeeting')} pending={share.isPending} error={share.error} onShare={(body, done) => share.mutate(body, { onSuccess: done })} />
        ) : null}
        {minutes.shared.length === 0 ? <Paragraph data-size="sm">{t('record.nothingShared')}</Paragraph> : <SharedEntries entries={minutes.shared} label={t('record.sharedTitle')} />}
      </section>
    </article>
  );
}

function Inner() {
  const { slotId, requestId } = useParams();
  const meetingRef: MeetingRef = requestId ? { kind: 'request', id: requestId } : { kind: 'slot', id: slotId ?? '' };
  const minutes = useMinutes(meetingRef);
  return <QueryState query={minutes}>{(m) => <MinutesView meetingRef={meetingRef} minutes={m} />}</QueryState>;
}

/** A meeting's record (a 1:1 meeting at a conference, or one of a need's ongoing dialogue):
 * its minutes (written by the host, read and commented on by the supplier it was with) and
 * what was shared in it. */
export function MeetingPage() {
  return (
    <RequireAuth>
      <Inner />
    </RequireAuth>
  );
}
