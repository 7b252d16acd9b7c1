import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

export const FACET_FIELDS = ['type', 'sector', 'county', 'stage', 'procedure', 'cpv_division', 'trl', 'language', 'status'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

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
