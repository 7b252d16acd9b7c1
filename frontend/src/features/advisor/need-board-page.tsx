import { Button, Card, Details, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent, type Ref } from 'react';
import { Link, useParams } from 'react-router';
import type { Match } from '../../api/types';
import type { MessageKey } from '../../app/i18n';
import { useAdvisorI18n } from './texts';
import { RequireAuth } from '../../app/require-auth';
import { SelectField } from '../../components/form-fields';
import { FormErrors } from '../../components/form-errors';
import { MatchExplanationView, scorePercent } from '../../components/match-explanation';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { LiveNotice } from '../../components/live-notice';
import { useNeed } from '../needs/api';
import { useSolutions } from '../solutions/api';
import { useCreateMatch, useMatchAction, useMatchDetail, useMatchNoteCounts, useMatchNotes, useMatches } from './api';
import { RejectDialog, ShortcutsDialog, type ShortcutHelp } from './desk/dialogs';
import { useShortcuts } from './desk/shortcuts';
import { MATCH_STATES, counterpartTitle } from './queue-page';
import './desk/desk.css';

function RejectReason({ id }: { id: number }) {
  const { t } = useAdvisorI18n();
  const detail = useMatchDetail(id);
  if (!detail.data?.rejection_reason) return null;
  return (
    <Paragraph data-size="sm">
      {t('advisor.rejectReason')}: {detail.data.rejection_reason}
    </Paragraph>
  );
}

type CardFocus = { current: boolean; titleRef: Ref<HTMLAnchorElement>; onCurrent: () => void };

function MatchCard({ match, focus }: { match: Match; focus: CardFocus }) {
  const { t, fmt } = useAdvisorI18n();
  const action = useMatchAction();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [showNotes, setShowNotes] = useState(false);
  const notes = useMatchNotes(match.id, showNotes);
  const counts = useMatchNoteCounts(match.need.id);
  // The count before the notes are opened ("Notater (2)"), their own list's length after.
  const noteCount = notes.data?.length ?? (counts.data ? (counts.data.get(match.id) ?? 0) : '…');
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
    <Card data-testid="match-card" data-current={focus.current ? 'true' : undefined} className="board-card" onFocus={focus.onCurrent}>
      <Heading level={4} data-size="2xs">
        <DsLink asChild>
          <Link to={href} ref={focus.titleRef}>
            {title}
          </Link>
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
          <Button data-size="sm" aria-label={t('advisor.shortlistItem', { title })} aria-keyshortcuts={focus.current ? 's' : undefined} onClick={() => action.mutate({ id: match.id, action: 'shortlist' })}>
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
          {t('advisor.notes', { count: noteCount })}
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
  const { t } = useAdvisorI18n();
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

const BOARD_KEYS = ['j', 'k', 's', 'r', '?'] as const;

/** The four columns of one kind of pair (solutions, or similar needs of other buyers). */
function Columns({ items, prefix, focusOf }: { items: Match[]; prefix: string; focusOf: (m: Match) => CardFocus }) {
  const { t } = useAdvisorI18n();
  return (
    <div className="board">
      {MATCH_STATES.map((state) => {
        const column = items.filter((m) => m.state === state);
        return (
          <section key={state} aria-labelledby={`${prefix}${state}`} className="stack">
            <Heading level={3} data-size="xs" id={`${prefix}${state}`}>
              {t(`match.states.${state}` as MessageKey)} ({column.length})
            </Heading>
            {column.length === 0 ? <Paragraph data-size="sm">{t('advisor.columnEmpty')}</Paragraph> : null}
            {column.map((m) => (
              <MatchCard key={m.id} match={m} focus={focusOf(m)} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

/** Cards in reading order: the solutions' columns, then the joint procurement's. */
function inOrder(items: Match[]): Match[] {
  return MATCH_STATES.flatMap((state) => items.filter((m) => m.state === state));
}

/**
 * The need's pairs: suggested solutions in four columns, and apart from them the similar needs of
 * other buyers (joint procurement). j/k move between the cards, s shortlists the card, r asks for
 * the reason to reject it, ? lists the keys; none of them fires while the advisor types.
 */
function Pairs({ items }: { items: Match[] }) {
  const { t } = useAdvisorI18n();
  const action = useMatchAction();
  const solutions = items.filter((m) => m.kind !== 'need_need');
  const joint = items.filter((m) => m.kind === 'need_need');
  const order = [...inOrder(solutions), ...inOrder(joint)];
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<Match | null>(null);
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const links = useRef(new Map<number, HTMLAnchorElement>());
  const current = order.find((m) => m.id === currentId);
  const move = (step: number) => {
    const at = order.findIndex((m) => m.id === currentId);
    const next = order[at < 0 ? (step > 0 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, at + step))];
    if (!next) return;
    setCurrentId(next.id);
    links.current.get(next.id)?.focus();
  };
  const focusOf = (m: Match): CardFocus => ({
    current: m.id === currentId,
    titleRef: (el) => {
      if (el) links.current.set(m.id, el);
      else links.current.delete(m.id);
    },
    onCurrent: () => setCurrentId(m.id),
  });
  const decided = (key: 'advisor.desk.shortlisted' | 'advisor.desk.rejected') => () => setNotice(t(key, { count: 1 }));
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    s: () => {
      if (current?.state === 'suggested') action.mutate({ id: current.id, action: 'shortlist' }, { onSuccess: decided('advisor.desk.shortlisted') });
    },
    r: () => {
      if (current?.state === 'suggested' || current?.state === 'shortlisted') setRejecting(current);
    },
    '?': () => setHelp(true),
  });
  const keys: ShortcutHelp[] = BOARD_KEYS.map((key) => ({ key, label: t(`advisor.desk.keys.${key === '?' ? 'help' : (`${key}Board` as const)}`) }));
  return (
    <>
      <div className="row">
        <Button data-size="sm" variant="tertiary" aria-keyshortcuts="Shift+?" aria-haspopup="dialog" onClick={() => setHelp(true)}>
          {t('advisor.desk.shortcuts')}
        </Button>
      </div>
      <LiveNotice message={notice} />
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      <section aria-labelledby="board-solutions" className="stack">
        <Heading level={2} data-size="sm" id="board-solutions">
          {t('advisor.desk.boardSolutions')}
        </Heading>
        <Columns items={solutions} prefix="col-" focusOf={focusOf} />
      </section>
      <section aria-labelledby="board-joint" className="stack" data-testid="board-joint">
        <Heading level={2} data-size="sm" id="board-joint">
          {t('advisor.desk.boardJoint')}
        </Heading>
        <Paragraph data-size="sm">{joint.length > 0 ? t('advisor.desk.boardJointIntro') : t('advisor.desk.boardJointEmpty')}</Paragraph>
        {joint.length > 0 ? <Columns items={joint} prefix="col-joint-" focusOf={focusOf} /> : null}
      </section>
      <RejectDialog
        key={rejecting?.id ?? 'closed'}
        open={rejecting !== null}
        count={1}
        pending={action.isPending}
        onClose={() => setRejecting(null)}
        onReject={(reason) =>
          rejecting &&
          action.mutate(
            { id: rejecting.id, action: 'reject', reason },
            {
              onSuccess: () => {
                setRejecting(null);
                decided('advisor.desk.rejected')();
              },
            },
          )
        }
      />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} keys={keys} />
    </>
  );
}

function Board({ needId }: { needId: string }) {
  const { t } = useAdvisorI18n();
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
      <QueryState query={matches}>{(items) => <Pairs items={items} />}</QueryState>
    </div>
  );
}

export function NeedBoardPage() {
  const { id } = useParams();
  return <RequireAuth roles={['advisor']}>{id ? <Board needId={id} /> : null}</RequireAuth>;
}
