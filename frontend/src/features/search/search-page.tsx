import { Button, Card, Heading, Link as DsLink, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Relaxation, SearchHit, SearchResult } from '../../api/types';
import { useI18n, type MessageKey } from '../../app/i18n';
import { useSession, userRoles } from '../../app/session';
import { Highlight, stripTags } from '../../components/highlight';
import { PageHeading } from '../../components/page';
import { Empty, ErrorAlert, Loading } from '../../components/query-state';
import { useDebounced } from '../../components/use-debounced';
import { useFocusTarget } from '../../components/use-focus-target';
import { useMediaQuery } from '../../components/use-media-query';
import { useAutocomplete, useSearch, type SearchParams } from './api';
import { activeFilterCount, clearedFilters, FilterControls, NARROW_SEARCH } from './search-filters';

// Only a narrow screen needs the filter drawer (and Designsystemet's Dialog).
const FilterDrawer = lazy(() => import('./filter-drawer'));
import { SaveSearchForm } from './save-search-form';
import { OrgName } from '../../components/org-name';

const PAGE_SIZE = 20;

function hitHref(hit: SearchHit): string {
  const base = { need: 'needs', solution: 'solutions', conference: 'conferences', case: 'cases' }[hit.type] ?? 'needs';
  return `/${base}/${hit.id}`;
}

function ResultCard({ hit }: { hit: SearchHit }) {
  const { t, fmt } = useI18n();
  return (
    <li>
      <Card data-color="neutral">
        <div className="row">
          <Tag data-color={hit.type === 'need' ? 'accent' : hit.type === 'solution' ? 'success' : hit.type === 'case' ? 'warning' : 'info'}>
            {t(`search.types.${hit.type}` as MessageKey)}
          </Tag>
          {hit.organization_name ? (
            <span className="meta">
              <OrgName org={{ name: hit.organization_name, kind: hit.type === 'solution' ? 'supplier' : 'public_buyer', verified: hit.organization_verified }} />
            </span>
          ) : null}
        </div>
        <Heading level={3} data-size="xs">
          <DsLink asChild>
            <Link to={hitHref(hit)}>{stripTags(hit.title)}</Link>
          </DsLink>
        </Heading>
        {hit.highlights.length > 0 ? (
          <Paragraph data-size="sm" className="snippet">
            {hit.highlights.slice(0, 2).map((h, i) => (
              <span key={i}>
                {i > 0 ? ' … ' : ''}
                <Highlight text={h} />
              </span>
            ))}
          </Paragraph>
        ) : null}
        <div className="meta">
          {hit.deadline ? <span>{t('need.deadline')}: {fmt.dateTime(hit.deadline)}</span> : null}
          {hit.stage_label ? <span>{hit.stage_label}</span> : null}
          {hit.sector_label ? <span>{hit.sector_label}</span> : null}
          {hit.starts_at ? <span>{t('conference.startsAt')}: {fmt.dateTime(hit.starts_at)}</span> : null}
          {hit.trl ? <span>TRL {hit.trl}</span> : null}
        </div>
      </Card>
    </li>
  );
}

/** What the page says when the words alone found little and the search relaxed. */
export function relaxationNotice(relaxation: Relaxation | undefined): MessageKey | null {
  if (relaxation === 'most' || relaxation === 'any') return 'search.relaxed.someWords';
  if (relaxation === 'semantic') return 'search.relaxed.semantic';
  return null;
}

/** Did you mean: a link that runs the suggested search (same filters, first page), with its
 * hit count. */
function DidYouMean({ data, onFollow }: { data: SearchResult; onFollow: (text: string) => void }) {
  const { t, fmt } = useI18n();
  const [params] = useSearchParams();
  const text = data.suggestion;
  if (!text) return null;
  const next = new URLSearchParams(params);
  next.set('q', text);
  next.delete('page');
  const label =
    data.suggestion_hits === null ? t('search.didYouMeanText', { text }) : t('search.didYouMean', { text, hits: fmt.number(data.suggestion_hits) });
  return (
    <Paragraph data-testid="did-you-mean">
      <DsLink asChild>
        <Link to={{ search: `?${next.toString()}` }} onClick={() => onFollow(text)}>
          {label}
        </Link>
      </DsLink>
    </Paragraph>
  );
}

function Results({ data, page, onPage }: { data: SearchResult; page: number; onPage: (p: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(data.total / (data.page_size || PAGE_SIZE)));
  if (data.results.length === 0) return <Empty>{t('search.noResults')}</Empty>;
  return (
    <>
      <ul className="cards" aria-label={t('search.resultsLabel')}>
        {data.results.map((hit) => (
          <ResultCard key={`${hit.type}-${hit.id}`} hit={hit} />
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label={t('search.pagination')} className="row">
          <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('common.previous')}
          </Button>
          <span>{t('search.pageOf', { page, pages })}</span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('common.next')}
          </Button>
        </nav>
      ) : null}
    </>
  );
}

export function SearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const listId = useId();
  const debounced = useDebounced(text);
  const autocomplete = useAutocomplete(debounced);
  const roles = userRoles(useSession().data?.user ?? null);
  const narrow = useMediaQuery(NARROW_SEARCH);
  const [resultsHeading, moveToResults] = useFocusTarget<HTMLHeadingElement>();

  const query: SearchParams = { page_size: String(PAGE_SIZE) };
  params.forEach((value, key) => {
    if (value) query[key] = value;
  });
  const search = useSearch(query);
  const page = Number(params.get('page') ?? '1') || 1;
  const notice = search.data && !search.isError ? relaxationNotice(search.data.relaxation) : null;

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  // Another page of results starts at the top of the results, with focus there (not at the
  // bottom where "Neste" was).
  const goToPage = (p: number) => {
    update({ page: String(p) });
    moveToResults();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim() });
  };

  const filters: Record<string, string[]> = {};
  params.forEach((v, k) => {
    if (!['q', 'page', 'page_size', 'sort'].includes(k)) filters[k] = [...(filters[k] ?? []), v];
  });
  const controls = <FilterControls params={params} data={search.data} update={update} />;
  const ready = search.data && !search.isError;

  return (
    <>
      <PageHeading title={t('search.title')}>{t('search.title')}</PageHeading>
      <Paragraph>{t('search.intro')}</Paragraph>
      <search aria-label={t('search.formLabel')}>
        <form onSubmit={submit} className="row">
          <div style={{ flex: '1 1 12rem' }}>
            <Textfield
              label={t('search.queryLabel')}
              type="search"
              list={listId}
              autoComplete="off"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <datalist id={listId}>
              {(autocomplete.data ?? []).map((s) => (
                <option key={s} value={stripTags(s)} />
              ))}
            </datalist>
          </div>
          <Button type="submit" style={{ alignSelf: 'flex-end' }}>
            {t('search.submit')}
          </Button>
        </form>
      </search>

      <div className="grid-2" style={{ marginTop: '1.5rem' }}>
        {narrow ? null : (
          <aside aria-label={t('search.filters')} className="stack">
            <Heading level={2} data-size="xs">
              {t('search.filters')}
            </Heading>
            {controls}
          </aside>
        )}
        <section aria-labelledby="results-heading" className="stack">
          <Heading level={2} data-size="sm" id="results-heading" ref={resultsHeading} tabIndex={-1}>
            {t('search.results')}
          </Heading>
          <div className="results-bar">
            <p aria-live="polite" role="status" data-testid="result-count">
              {ready ? t('search.count', { count: search.data.total }) : ''}
            </p>
            {narrow ? (
              <Suspense fallback={null}>
                <FilterDrawer
                  active={activeFilterCount(params)}
                  total={ready && !search.isPlaceholderData ? search.data.total : null}
                  onClear={() => update(clearedFilters())}
                >
                  {controls}
                </FilterDrawer>
              </Suspense>
            ) : null}
          </div>
          <div aria-live="polite" role="status" data-testid="relaxation">
            {notice ? <Paragraph className="hint">{t(notice)}</Paragraph> : null}
          </div>
          {ready ? <DidYouMean data={search.data} onFollow={setText} /> : null}
          {roles.has('supplier') && params.get('q') ? <SaveSearchForm query={params.get('q') ?? ''} filters={filters} /> : null}
          {search.isPending ? (
            <Loading />
          ) : search.isError ? (
            <ErrorAlert error={search.error} title={t('search.failed')} />
          ) : (
            <Results data={search.data} page={page} onPage={goToPage} />
          )}
        </section>
      </div>
    </>
  );
}
