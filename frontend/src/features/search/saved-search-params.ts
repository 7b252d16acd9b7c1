/** A saved search keeps its filters by the search API's names (`kind`, `sector`, …); the search
 * page's query string calls the kind filter `type` (its facet) and carries things that are no
 * filters (page, sort, semantic). These translate between the two, so that a saved search and
 * the link of its alerts (backend/notifications/links.py) open the page with the same query and
 * filters. */

const PAGE_PARAM: Record<string, string> = { kind: 'type' };
const FILTER_NAME: Record<string, string> = { type: 'kind' };
/** The page's parameters that are not filters of a saved search. */
const NOT_FILTERS = new Set(['q', 'page', 'page_size', 'sort', 'semantic']);

export type SavedFilters = Record<string, string[]>;

/** The filters to save, from the page's parameters (by name, each with its values). */
export function savedSearchFilters(pageParams: Record<string, string[]>): SavedFilters {
  const filters: SavedFilters = {};
  for (const [param, values] of Object.entries(pageParams)) {
    if (NOT_FILTERS.has(param)) continue;
    const name = FILTER_NAME[param] ?? param;
    filters[name] = [...(filters[name] ?? []), ...values];
  }
  return filters;
}

/** The search page with a saved search's query and filters applied. */
export function savedSearchHref(query: string, filters: Record<string, string | string[]> | null | undefined): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [name, value] of Object.entries(filters ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(PAGE_PARAM[name] ?? name, String(v));
  }
  const search = params.toString();
  return search ? `/?${search}` : '/';
}
