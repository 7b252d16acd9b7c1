import { Alert, Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type Ref } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, messagesIn } from '../../api/client';
import type { Match } from '../../api/types';
import { useFeatureI18n } from '../../app/i18n';
import { jointTexts } from '../joint/texts';
import { advisorTexts } from './texts';
import { RequireAuth } from '../../app/require-auth';
import { useCurrentUser } from '../../app/session';
import { LiveNotice } from '../../components/live-notice';
import { PageHeading } from '../../components/page';
import { ErrorAlert, Loading } from '../../components/query-state';
import { useBulkDecision, useDeskCounts, useDeskPage, type BulkAction, type DeskMatch } from './desk/api';
import { DeskFilters } from './desk/desk-filters';
import { DeskTable } from './desk/desk-table';
import { RejectDialog, ShortcutsDialog, type ShortcutHelp } from './desk/dialogs';
import { activeFilters, deskSearch, loadDesk, parseDesk, saveDesk, withoutFilters, type Desk, type Kind } from './desk/params';
import { useShortcuts } from './desk/shortcuts';
import './desk/desk.css';

export const MATCH_STATES = ['suggested', 'shortlisted', 'introduced', 'rejected'] as const;

/** The other side of a match: a solution, or for need–need matches the other need. */
export function counterpartTitle(m: Match): string {
  return m.solution?.title ?? m.other_need?.title ?? '';
}

/**
 * The desk in the URL, remembered per advisor: a visit to /advisor without a query string takes
 * the advisor's last desk from localStorage (replacing the URL), and every change is stored.
 */
function useDesk(userId: number): [Desk, (next: Desk) => void] {
  const [params, setParams] = useSearchParams();
  const [stored, setStored] = useState(() => (params.toString() === '' ? loadDesk(userId) : null));
  const empty = params.toString() === '';
  // Until the URL holds the restored desk, the stored one is shown (no request without it).
  const pending = empty && stored !== null && stored.toString() !== '' ? stored : null;
  const desk = parseDesk(pending ?? params);
  const search = deskSearch(desk).toString();
  useEffect(() => {
    if (pending) setParams(pending, { replace: true });
    else if (!empty && stored !== null) setStored(null);
  }, [pending, empty, stored, setParams]);
  useEffect(() => {
    if (!pending) saveDesk(userId, parseDesk(new URLSearchParams(search)));
  }, [pending, search, userId]);
  return [desk, (next: Desk) => setParams(deskSearch(next))];
}

function ViewSwitch({ desk, counts }: { desk: Desk; counts: Record<Kind, number> | undefined }) {
  const { t, fmt } = useFeatureI18n(jointTexts, advisorTexts);
  const views: { kind: Kind; label: string }[] = [
    { kind: 'need_solution', label: t('advisor.desk.solutionsTab', { count: counts ? fmt.number(counts.need_solution) : '…' }) },
    { kind: 'need_need', label: t('advisor.desk.jointTab', { count: counts ? fmt.number(counts.need_need) : '…' }) },
  ];
  return (
    <nav aria-label={t('advisor.desk.views')} className="desk-views">
      <ul>
        {views.map(({ kind, label }) => (
          <li key={kind}>
            <Link to={`?${deskSearch({ ...desk, kind, page: 1 }).toString()}`} aria-current={desk.kind === kind ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The server's refusal of a bulk decision: nothing changed, and each item that failed says why. */
function BulkError({ error }: { error: unknown }) {
  const { t } = useFeatureI18n(jointTexts, advisorTexts);
  if (!(error instanceof ApiError) || error.status !== 400) return <ErrorAlert error={error} />;
  return (
    <Alert data-color="danger" role="alert" data-testid="bulk-error">
      <Heading level={2} data-size="xs">
        {t('advisor.desk.bulkFailed')}
      </Heading>
      <ul>
        {messagesIn(error.body).map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </Alert>
  );
}

function Pager({ desk, total, onPage }: { desk: Desk; total: number; onPage: (page: number) => void }) {
  const { t } = useFeatureI18n(jointTexts, advisorTexts);
  const pages = Math.max(1, Math.ceil(total / Number(desk.size)));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('search.pagination')} className="row">
      <Button variant="secondary" disabled={desk.page <= 1} onClick={() => onPage(desk.page - 1)}>
        {t('common.previous')}
      </Button>
      <span>{t('search.pageOf', { page: desk.page, pages })}</span>
      <Button variant="secondary" disabled={desk.page >= pages} onClick={() => onPage(desk.page + 1)}>
        {t('common.next')}
      </Button>
    </nav>
  );
}

/**
 * One page of rows with their selection and current row, the bulk bar and the shortcuts. Keyed by
 * the page's query: a new page or filter starts with nothing selected.
 */
function DeskRows({ desk, rows, onNotice }: { desk: Desk; rows: DeskMatch[]; onNotice: (text: string) => void }) {
  const { t, fmt } = useFeatureI18n(jointTexts, advisorTexts);
  const bulk = useBulkDecision();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [current, setCurrent] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<number[] | null>(null);
  const [help, setHelp] = useState(false);
  const boxes = useRef<(HTMLInputElement | null)[]>([]);
  const checkboxRef = (index: number): Ref<HTMLInputElement> => (el) => {
    boxes.current[index] = el;
  };
  const toggle = (id: number) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((m) => selected.has(m.id));
  const move = (step: number) => {
    const next = current === null ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + step));
    setCurrent(next);
    boxes.current[next]?.focus();
  };
  /** The chosen rows, or the current row when none is chosen. */
  const targets = (): number[] => {
    const ids = rows.filter((m) => selected.has(m.id)).map((m) => m.id);
    const row = current === null ? undefined : rows[current];
    if (ids.length === 0 && row) ids.push(row.id);
    return ids;
  };
  const decide = (action: BulkAction, ids: number[], reason?: string) => {
    bulk.mutate(
      { action, ids, reason },
      {
        onSuccess: (answer) => {
          const count = fmt.number(answer.results.length);
          onNotice(t(action === 'shortlist' ? 'advisor.desk.shortlisted' : 'advisor.desk.rejected', { count }));
          setSelected(new Set());
          setRejecting(null);
        },
        onError: () => setRejecting(null),
      },
    );
  };
  const act = (action: BulkAction) => {
    const ids = targets();
    if (ids.length === 0) {
      onNotice(t('advisor.desk.nothingSelected'));
      return;
    }
    if (action === 'reject') setRejecting(ids);
    else decide('shortlist', ids);
  };
  const currentRow = current === null ? undefined : rows[current];
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    x: () => (currentRow ? toggle(currentRow.id) : undefined),
    s: () => act('shortlist'),
    r: () => act('reject'),
    '?': () => setHelp(true),
  });
  const keys: ShortcutHelp[] = (['j', 'k', 'x', 's', 'r', '?'] as const).map((key) => ({ key, label: t(`advisor.desk.keys.${key === '?' ? 'help' : key}`) }));
  return (
    <div className="stack">
      <div className="desk-bulk" role="group" aria-label={t('advisor.desk.bulkActions')}>
        <Checkbox
          data-size="sm"
          label={t('advisor.desk.selectAll')}
          checked={allSelected}
          onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((m) => m.id)))}
        />
        <span data-testid="selected-count">{t('advisor.desk.selected', { count: fmt.number(selected.size) })}</span>
        <Button data-size="sm" aria-keyshortcuts="s" loading={bulk.isPending && rejecting === null} onClick={() => act('shortlist')}>
          {t('advisor.desk.shortlist')}
        </Button>
        <Button data-size="sm" variant="secondary" aria-keyshortcuts="r" aria-haspopup="dialog" onClick={() => act('reject')}>
          {t('advisor.desk.reject')}
        </Button>
        <Button data-size="sm" variant="tertiary" aria-keyshortcuts="Shift+?" aria-haspopup="dialog" onClick={() => setHelp(true)}>
          {t('advisor.desk.shortcuts')}
        </Button>
      </div>
      {bulk.isError ? <BulkError error={bulk.error} /> : null}
      <DeskTable rows={rows} joint={desk.kind === 'need_need'} selected={selected} current={current} onToggle={toggle} onCurrent={setCurrent} checkboxRef={checkboxRef} />
      <RejectDialog
        key={rejecting?.join(',') ?? 'closed'}
        open={rejecting !== null}
        count={rejecting?.length ?? 0}
        pending={bulk.isPending}
        onClose={() => setRejecting(null)}
        onReject={(reason) => rejecting && decide('reject', rejecting, reason)}
      />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} keys={keys} />
    </div>
  );
}

function AdvisorDesk({ userId }: { userId: number }) {
  const { t, fmt } = useFeatureI18n(jointTexts, advisorTexts);
  const [desk, setDesk] = useDesk(userId);
  const page = useDeskPage(desk);
  const counts = useDeskCounts(desk);
  const [notice, setNotice] = useState<string | null>(null);
  const update = (patch: Partial<Desk>) => setDesk({ ...desk, ...patch, page: patch.page ?? 1 });
  const total = counts.data?.[desk.kind];
  const pages = total === undefined ? null : Math.max(1, Math.ceil(total / Number(desk.size)));
  useEffect(() => {
    // A page that no longer exists (the last one emptied by a decision): go to the last one.
    if (pages !== null && desk.page > pages) setDesk({ ...desk, page: pages });
  });
  const count = page.data?.count ?? 0;
  const from = count === 0 ? 0 : (desk.page - 1) * Number(desk.size) + 1;
  const to = Math.min(count, desk.page * Number(desk.size));
  return (
    <div className="stack">
      <div className="row">
        <Button asChild variant="secondary" data-size="sm">
          <a href="/api/matches/export/" download>
            {t('advisor.exportCsv')}
          </a>
        </Button>
        <Button asChild variant="secondary" data-size="sm">
          <a href="/api/matches/export/?file_format=xlsx" download>
            {t('advisor.exportXlsx')}
          </a>
        </Button>
        <Button asChild variant="tertiary" data-size="sm">
          <Link to="/advisor/organizations">{t('advisor.verifyOrgs')}</Link>
        </Button>
      </div>
      <ViewSwitch desk={desk} counts={counts.data} />
      {desk.kind === 'need_need' ? (
        <>
          <Paragraph data-size="sm">{t('advisor.desk.jointIntro')}</Paragraph>
          <Paragraph data-size="sm">
            <Link to="/advisor/joint">{t('joint.advisor.groupsLink')}</Link>
          </Paragraph>
        </>
      ) : null}
      <DeskFilters desk={desk} onChange={update} onReset={() => setDesk(withoutFilters(desk))} />
      <p role="status" aria-live="polite" data-testid="desk-count" className="desk-count">
        {page.data ? t('advisor.desk.showing', { from: fmt.number(from), to: fmt.number(to), total: fmt.number(count) }) : ''}
      </p>
      <LiveNotice message={notice} />
      {page.isPending ? <Loading /> : null}
      {page.isError ? <ErrorAlert error={page.error} /> : null}
      {page.data && page.data.results.length === 0 ? (
        <Alert data-color="info">
          <Paragraph>{activeFilters(desk) > 0 ? t('advisor.desk.noneFiltered') : t('advisor.queueEmpty')}</Paragraph>
          {activeFilters(desk) > 0 ? (
            <Button variant="tertiary" data-size="sm" onClick={() => setDesk(withoutFilters(desk))}>
              {t('advisor.desk.reset')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {page.data && page.data.results.length > 0 ? (
        <DeskRows key={deskSearch(desk).toString()} desk={desk} rows={page.data.results} onNotice={setNotice} />
      ) : null}
      <Pager desk={desk} total={count} onPage={(p) => update({ page: p })} />
    </div>
  );
}

function Desk() {
  const user = useCurrentUser();
  return user ? <AdvisorDesk userId={user.id} /> : null;
}

export function AdvisorQueuePage() {
  const { t } = useFeatureI18n(jointTexts, advisorTexts);
  return (
    <>
      <PageHeading title={t('advisor.queueTitle')}>{t('advisor.queueTitle')}</PageHeading>
      <RequireAuth roles={['advisor']}>
        <Desk />
      </RequireAuth>
    </>
  );
}
