import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

/** Facets shown, in order: the facet name in the response and the query parameter it filters. */
export const FACETS = [
  { field: 'kind', param: 'type' },
  { field: 'sector', param: 'sector' },
  { field: 'county', param: 'county' },
  { field: 'stage', param: 'stage' },
  { field: 'procedure', param: 'procedure' },
  { field: 'cpv_division', param: 'cpv_division' },
  { field: 'trl', param: 'trl' },
  { field: 'language', param: 'language' },
  { field: 'status', param: 'status' },
  { field: 'seeks_pilot', param: 'seeks_pilot' },
  { field: 'gain_type', param: 'gain_type' },
] as const;

export type SearchParams = Record<string, string>;

export function useSearch(query: SearchParams) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['search', query, lang],
    queryFn: ({ signal }) => api.get('/api/search/', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAutocomplete(q: string) {
  const { lang } = useI18n();
  const term = q.trim();
  return useQuery({
    queryKey: ['autocomplete', term, lang],
    queryFn: ({ signal }) => api.get('/api/search/autocomplete/', { query: { q: term }, signal }),
    select: (d) => d.suggestions,
    enabled: term.length >= 2,
    staleTime: 30_000,
  });
}
