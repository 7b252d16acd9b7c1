import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { NeedInput } from '../../api/types';
import { early, needRequest, needRequestKey } from '../../app/early-requests';
import { useI18n } from '../../app/i18n';
import { pollWhileSuggestionsPending } from '../../components/suggestions-status';

/** A need; with `followSuggestions`, asked again every few seconds while its suggestions are
 * being computed in the background, so the page updates itself when they are ready. The first
 * answer may be the request main.tsx started from the page's address (app/early-requests). */
export function useNeed(id: string | undefined, { followSuggestions = false } = {}) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['needs', id, lang],
    queryFn: () => early(needRequestKey(id ?? '', lang), () => needRequest(id ?? '')),
    enabled: !!id,
    refetchInterval: followSuggestions ? pollWhileSuggestionsPending : false,
  });
}

export function useNeeds(query: Record<string, string>) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['needs', 'list', query, lang],
    queryFn: () => api.get('/api/needs/', { query }),
  });
}

export function useNeedMatches(id: string, enabled = true) {
  return useQuery({
    queryKey: ['needs', id, 'matches'],
    queryFn: () => api.get('/api/needs/{id}/matches/', { params: { id } }),
    select: (d) => d.results,
    enabled,
  });
}

export function useSimilarNeeds(id: string, enabled = true) {
  return useQuery({
    queryKey: ['needs', id, 'similar'],
    queryFn: () => api.get('/api/needs/{id}/similar/', { params: { id } }),
    select: (d) => d.results,
    enabled,
  });
}

export function useNeedResponses(id: string, enabled = true) {
  return useQuery({
    queryKey: ['needs', id, 'responses'],
    queryFn: () => api.get('/api/needs/{id}/responses/', { params: { id } }),
    select: (d) => d.results,
    enabled,
  });
}

export function useSaveNeed(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NeedInput) => {
      if (!id) return api.post('/api/needs/', body);
      const { organization: _org, ...patch } = body;
      return api.patch('/api/needs/{id}/', patch, { params: { id } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['needs'] }),
  });
}

export function useNeedAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'publish' | 'close') =>
      action === 'publish'
        ? api.post('/api/needs/{id}/publish/', undefined, { params: { id } })
        : api.post('/api/needs/{id}/close/', undefined, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['needs'] }),
  });
}
