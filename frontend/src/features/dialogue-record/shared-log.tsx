import { Button, Card, Heading, Link as DsLink, Paragraph, Select, Field, Label, Tag, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { fieldErrorsOf, firstError } from '../../components/form-fields';
import { LiveNotice } from '../../components/live-notice';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useConferenceShared, useNeedSharedLog, useShareAtConference, type SharedBody, type SharedEntry, type SharedKind } from './api';

const KINDS: SharedKind[] = ['clarification', 'answer', 'document'];

/** The entries of an equal-treatment log: what was shared, when and in which kind of meeting
 * (a conference is named; the supplier of a 1:1 meeting never is). */
export function SharedEntries({ entries, label }: { entries: SharedEntry[]; label: string }) {
  const { t, fmt } = useI18n();
  return (
    <ul className="cards" aria-label={label}>
      {entries.map((e) => (
        <li key={e.id}>
          <Card>
            <div className="meta">
              <Tag data-color="info">{e.kind_label}</Tag>
              <span>{e.meeting_type_label}</span>
              {e.conference && e.meeting_type === 'conference' ? <span>{e.conference.title}</span> : null}
              <span>{t('record.heldAt', { when: fmt.dateTime(e.meeting_at) })}</span>
            </div>
            <Paragraph className="prewrap">{e.text}</Paragraph>
            {e.document_title || e.document_url ? (
              <Paragraph data-size="sm">
                {t('record.document')}:{' '}
                {e.document_url ? <DsLink href={e.document_url}>{e.document_title || e.document_url}</DsLink> : e.document_title}
              </Paragraph>
            ) : null}
            <Paragraph data-size="sm" className="meta">
              {t('record.publishedAt', { when: fmt.dateTime(e.published_at) })}
            </Paragraph>
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** The host records what it shared in a meeting (or at the conference): published at once to
 * every supplier in the dialogue. */
export function ShareForm({ onShare, pending, error, label }: { onShare: (body: SharedBody, done: () => void) => void; pending: boolean; error: unknown; label: string }) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<SharedKind>('clarification');
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const errors = fieldErrorsOf(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    onShare({ kind, text, document_title: title, document_url: url }, () => {
      setText('');
      setTitle('');
      setUrl('');
      setNotice(t('record.shared'));
    });
  };
  const fieldError = ['kind', 'text', 'document_title', 'document_url'].some((f) => firstError(errors, f));
  return (
    <form onSubmit={submit} className="form" aria-label={label} noValidate>
      <Paragraph data-size="sm">{t('record.shareHint')}</Paragraph>
      <Field>
        <Label htmlFor={`${id}-kind`}>{t('record.kind')}</Label>
        <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SharedKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`record.kinds.${k}` as MessageKey)}
            </option>
          ))}
        </Select>
      </Field>
      <Textfield multiline rows={4} label={t('record.text')} required value={text} onChange={(e) => setText(e.target.value)} error={firstError(errors, 'text')} />
      <Textfield label={t('record.documentTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={firstError(errors, 'document_title')} />
      <Textfield type="url" label={t('record.documentUrl')} value={url} onChange={(e) => setUrl(e.target.value)} error={firstError(errors, 'document_url')} />
      <div>
        <Button type="submit" loading={pending}>
          {t('record.share')}
        </Button>
      </div>
      {error && !fieldError ? <ErrorAlert error={error} /> : null}
      <LiveNotice message={notice} />
    </form>
  );
}

/** The need's equal-treatment log (likebehandlingslogg): for its buyers, advisors and the
 * suppliers in the dialogue; anyone else is told why it is not shown. */
export function NeedSharedLog({ needId }: { needId: string }) {
  const { t } = useI18n();
  const log = useNeedSharedLog(needId, true);
  const refused = log.error instanceof ApiError && log.error.status === 403;
  return (
    <section aria-labelledby="shared-log-heading" className="stack" id="likebehandlingslogg">
      <Heading level={2} data-size="sm" id="shared-log-heading">
        {t('record.logTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('record.logIntro')}</Paragraph>
      {refused ? (
        <Paragraph data-size="sm">{log.error instanceof ApiError ? log.error.detail : null}</Paragraph>
      ) : (
        <QueryState query={log} isEmpty={(d) => d.length === 0} empty={t('record.logEmpty')}>
          {(entries) => <SharedEntries entries={entries} label={t('record.logTitle')} />}
        </QueryState>
      )}
    </section>
  );
}

/** What was shared at a conference and its meetings; its host records what it shared there. */
export function ConferenceShared({ conferenceId, host, started }: { conferenceId: string; host: boolean; started: boolean }) {
  const { t } = useI18n();
  const shared = useConferenceShared(conferenceId);
  const share = useShareAtConference(conferenceId);
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="conf-shared-heading" className="stack">
      <Heading level={2} data-size="sm" id="conf-shared-heading">
        {t('record.conferenceTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('record.logIntro')}</Paragraph>
      {host && started ? (
        open ? (
          <ShareForm label={t('record.shareAtConference')} pending={share.isPending} error={share.error} onShare={(body, done) => share.mutate(body, { onSuccess: done })} />
        ) : (
          <div>
            <Button variant="secondary" onClick={() => setOpen(true)}>
              {t('record.shareAtConference')}
            </Button>
          </div>
        )
      ) : null}
      <QueryState query={shared} isEmpty={(d) => d.length === 0} empty={t('record.logEmpty')}>
        {(entries) => <SharedEntries entries={entries} label={t('record.conferenceTitle')} />}
      </QueryState>
    </section>
  );
}
