/**
 * The advisor's desk as a URL: which view (solutions or joint procurement), the filters, the sort,
 * the page and the page size. The query string is the truth (links and reloads keep it); the
 * filters are also remembered per advisor in localStorage, so that coming back to /advisor with
 * no query string restores them. Unknown values fall back to the defaults: a stale link or a
 * stored desk from an older version never breaks the page.
 */
import type { QueryParams } from '../../../api/client';

export const KINDS = ['need_solution', 'need_need'] as const;
export const STATES = ['suggested', 'shortlisted', 'introduced', 'rejected', 'all'] as const;
export const SORTS = ['score', 'newest', 'deadline'] as const;
export const SCORES = ['', '20', '30', '40', '50', '60', '70', '80'] as const;
/** Ages of a suggestion: "n" is within the last n days, "older-n" more than n days ago. */
export const AGES = ['', '7', '30', 'older-30', 'older-90'] as const;
export const PAGE_SIZES = ['25', '50', '100'] as const;

export type Kind = (typeof KINDS)[number];
export type DeskState = (typeof STATES)[number];
export type Sort = (typeof SORTS)[number];
export type Score = (typeof SCORES)[number];
export type Age = (typeof AGES)[number];
export type PageSize = (typeof PAGE_SIZES)[number];

export type Desk = {
  kind: Kind;
  state: DeskState;
  sector: string;
  county: string;
  stage: string;
  score: Score;
  age: Age;
  sort: Sort;
  size: PageSize;
  page: number;
};

export const DEFAULT_DESK: Desk = {
  kind: 'need_solution',
  state: 'suggested',
  sector: '',
  county: '',
  stage: '',
  score: '',
  age: '',
  sort: 'score',
  size: '25',
  page: 1,
};

/** The filters (what "Nullstill filtre" clears); the view, sort and page size are not filters. */
export const FILTERS = ['state', 'sector', 'county', 'stage', 'score', 'age'] as const;

const CODE = /^[a-z0-9-]{1,40}$/;

function oneOf<T extends string>(options: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : fallback;
}

function code(value: string | null): string {
  return value !== null && CODE.test(value) ? value : '';
}

export function parseDesk(params: URLSearchParams): Desk {
  const page = Number(params.get('page') ?? '1');
  return {
    kind: oneOf(KINDS, params.get('kind'), DEFAULT_DESK.kind),
    state: oneOf(STATES, params.get('state'), DEFAULT_DESK.state),
    sector: code(params.get('sector')),
    county: code(params.get('county')),
    stage: code(params.get('stage')),
    score: oneOf(SCORES, params.get('score'), DEFAULT_DESK.score),
    age: oneOf(AGES, params.get('age'), DEFAULT_DESK.age),
    sort: oneOf(SORTS, params.get('sort'), DEFAULT_DESK.sort),
    size: oneOf(PAGE_SIZES, params.get('size'), DEFAULT_DESK.size),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The desk as a query string, leaving out what is the default. */
export function deskSearch(desk: Desk): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_DESK) as (keyof Desk)[]) {
    if (desk[key] !== DEFAULT_DESK[key]) out.set(key, String(desk[key]));
  }
  return out;
}

export function activeFilters(desk: Desk): number {
  return FILTERS.filter((key) => desk[key] !== DEFAULT_DESK[key]).length;
}

export function withoutFilters(desk: Desk): Desk {
  const cleared = { ...desk, page: 1 };
  for (const key of FILTERS) Object.assign(cleared, { [key]: DEFAULT_DESK[key] });
  return cleared;
}

/** The filters of the API (/api/matches/queue/ and its counts), without view or page. */
export function filterQuery(desk: Desk): QueryParams {
  const [older, days] = desk.age.startsWith('older-') ? [true, desk.age.slice(6)] : [false, desk.age];
  return {
    state: desk.state === 'all' ? STATES.filter((s) => s !== 'all') : desk.state,
    sector: desk.sector,
    county: desk.county,
    stage: desk.stage,
    score_min: desk.score ? Number(desk.score) / 100 : undefined,
    max_age_days: days && !older ? days : undefined,
    min_age_days: days && older ? days : undefined,
  };
}

export function pageQuery(desk: Desk): QueryParams {
  return { ...filterQuery(desk), kind: desk.kind, sort: desk.sort, page: desk.page, page_size: desk.size };
}

// --- remembered per advisor ---------------------------------------------------------------------

const STORAGE_PREFIX = 'innovasjonstorget.advisor-desk.';

export function storageKey(userId: number): string {
  return `${STORAGE_PREFIX}${userId}`;
}

/** The stored desk (without its page), or null when none or unreadable. */
export function loadDesk(userId: number): URLSearchParams | null {
  try {
    const stored = window.localStorage.getItem(storageKey(userId));
    return stored ? deskSearch({ ...parseDesk(new URLSearchParams(stored)), page: 1 }) : null;
  } catch {
    return null;
  }
}

export function saveDesk(userId: number, desk: Desk): void {
  try {
    window.localStorage.setItem(storageKey(userId), deskSearch({ ...desk, page: 1 }).toString());
  } catch {
    /* storage may be unavailable or full: the URL still holds the desk */
  }
}
