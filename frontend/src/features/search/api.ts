import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SearchResult } from '../../api/types';
import { useI18n } from '../../app/i18n';

export const FACET_FIELDS = ['type', 'sector', 'county', 'stage', 'procedure', 'cpv_division', 'trl', 'language', 'status'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export type SearchParams = Record<string, string>;

export function useSearch(params: SearchParams) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['search', params, lang],
    queryFn: ({ signal }) => api.get<SearchResult>('/api/search/', params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAutocomplete(q: string) {
  const { lang } = useI18n();
  const term = q.trim();
  return useQuery({
    queryKey: ['autocomplete', term, lang],
    queryFn: ({ signal }) => api.get<{ suggestions: (string | { text: string })[] }>('/api/search/autocomplete/', { q: term }, signal),
    select: (d) => d.suggestions.map((s) => (typeof s === 'string' ? s : s.text)),
    enabled: term.length >= 2,
    staleTime: 30_000,
  });
}
