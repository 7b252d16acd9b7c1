import { Button, Card, Details, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Match } from '../../api/types';
import { useI18n, type MessageKey } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { SelectField } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { MatchExplanationView, scorePercent } from '../../components/match-explanation';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useNeed } from '../needs/api';
import { SimilarNeeds } from '../needs/need-insights';
import { useSolutions } from '../solutions/api';
import { useCreateMatch, useMatchAction, useMatchDetail, useMatchNotes, useMatches } from './api';
import { MATCH_STATES, counterpartTitle } from './queue-page';

function RejectReason({ id }: { id: number }) {
  const { t } = useI18n();
  const detail = useMatchDetail(id);
  if (!detail.data?.rejection_reason) return null;
  return (
    <Paragraph data-size="sm">
      {t('advisor.rejectReason')}: {detail.data.rejection_reason}
    </Paragraph>
  );
}

function MatchCard({ match }: { match: Match }) {
  const { t, fmt } = useI18n();
  const action = useMatchAction();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [showNotes, setShowNotes] = useState(false);
  const notes = useMatchNotes(match.id, showNotes);
  const title = counterpartTitle(match);
  const href = match.solution ? `/solutions/${match.solution.id}` : `/needs/${match.other_need?.id ?? ''}`;
  const reject = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) action.mutate({ id: match.id, action: 'reject', reason }, { onSuccess: () => setReason('') });
  };
  const addNote = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim()) action.mutate({ id: match.id, action: 'notes', text: note }, { onSuccess: () => setNote('') });
  };
  return (
    <Card data-testid="match-card">
      <Heading level={3} data-size="2xs">
        <DsLink asChild>
          <Link to={href}>{title}</Link>
        </DsLink>
      </Heading>
      <Paragraph data-size="sm">
        {t('match.score')}: {scorePercent(match.score, fmt)}
      </Paragraph>
      {match.state === 'rejected' ? <RejectReason id={match.id} /> : null}
      <Details>
        <Details.Summary>{t('match.why')}</Details.Summary>
        <Details.Content>
          <MatchExplanationView explanation={match} />
        </Details.Content>
      </Details>
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      <div className="row">
        {match.state === 'suggested' ? (
          <Button data-size="sm" aria-label={t('advisor.shortlistItem', { title })} onClick={() => action.mutate({ id: match.id, action: 'shortlist' })}>
            {t('advisor.shortlist')}
          </Button>
        ) : null}
        {match.state === 'shortlisted' ? (
          <Button data-size="sm" aria-label={t('advisor.introduceItem', { title })} onClick={() => action.mutate({ id: match.id, action: 'introduce' })}>
            {t('advisor.introduce')}
          </Button>
        ) : null}
      </div>
      {match.state !== 'rejected' && match.state !== 'introduced' ? (
        <form onSubmit={reject} className="row" style={{ alignItems: 'flex-end' }}>
          <Textfield data-size="sm" label={t('advisor.rejectReasonFor', { title })} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button type="submit" data-size="sm" variant="secondary" disabled={!reason.trim()}>
            {t('advisor.reject')}
          </Button>
        </form>
      ) : null}
      <div className="stack">
        <Button variant="tertiary" data-size="sm" aria-expanded={showNotes} onClick={() => setShowNotes((v) => !v)}>
          {t('advisor.notes', { count: notes.data?.length ?? '…' })}
        </Button>
        {showNotes ? (
          <>
            <QueryState query={notes}>
              {(items) => (
                <ul>
                  {items.map((n) => (
                    <li key={n.id}>
                      {n.text}
                      <span className="meta"> – {[n.author, fmt.dateTime(n.created_at)].filter(Boolean).join(', ')}</span>
                    </li>
                  ))}
                </ul>
              )}
            </QueryState>
            <form onSubmit={addNote} className="row" style={{ alignItems: 'flex-end' }}>
              <Textfield data-size="sm" label={t('advisor.noteFor', { title })} value={note} onChange={(e) => setNote(e.target.value)} />
              <Button type="submit" data-size="sm" variant="secondary" disabled={!note.trim()}>
                {t('advisor.addNote')}
              </Button>
            </form>
          </>
        ) : null}
      </div>
    </Card>
  );
}

function ManualMatch({ needId }: { needId: number }) {
  const { t } = useI18n();
  const solutions = useSolutions({ status: 'published', page_size: '200' });
  const create = useCreateMatch();
  const [solution, setSolution] = useState('');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (solution) create.mutate({ need: needId, solution: Number(solution), note }, { onSuccess: () => setNote('') });
  };
  return (
    <Details>
      <Details.Summary>{t('advisor.manualMatch')}</Details.Summary>
      <Details.Content>
        <form className="form" onSubmit={submit}>
          <FormErrors error={create.error} labels={{ solution: t('advisor.solution'), note: t('advisor.note') }} />
          <SelectField label={t('advisor.solution')} value={solution} onChange={setSolution} options={(solutions.data ?? []).map((s) => ({ code: String(s.id), label: s.title }))} />
          <Textfield label={t('advisor.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <div>
            <Button type="submit" loading={create.isPending} disabled={!solution}>
              {t('advisor.addMatch')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

function Board({ needId }: { needId: string }) {
  const { t } = useI18n();
  const need = useNeed(needId);
  const matches = useMatches({ need: needId });
  const title = need.data?.title ?? t('advisor.boardTitle');
  return (
    <div className="stack">
      <PageHeading title={title}>
        {t('advisor.boardTitle')}: {title}
      </PageHeading>
      <Paragraph>
        <DsLink asChild>
          <Link to={`/needs/${needId}`}>{t('advisor.openNeed')}</Link>
        </DsLink>
      </Paragraph>
      {need.isError ? <ErrorAlert error={need.error} /> : null}
      <ManualMatch needId={Number(needId)} />
      <QueryState query={matches}>
        {(items) => (
          <div className="board">
            {MATCH_STATES.map((state) => {
              const column = items.filter((m) => m.state === state);
              return (
                <section key={state} aria-labelledby={`col-${state}`} className="stack">
                  <Heading level={2} data-size="xs" id={`col-${state}`}>
                    {t(`match.states.${state}` as MessageKey)} ({column.length})
                  </Heading>
                  {column.length === 0 ? <Paragraph data-size="sm">{t('advisor.columnEmpty')}</Paragraph> : null}
                  {column.map((m) => (
                    <MatchCard key={m.id} match={m} />
                  ))}
                </section>
              );
            })}
          </div>
        )}
      </QueryState>
      <SimilarNeeds needId={needId} />
    </div>
  );
}

export function NeedBoardPage() {
  const { id } = useParams();
  return <RequireAuth roles={['advisor']}>{id ? <Board needId={id} /> : null}</RequireAuth>;
}
