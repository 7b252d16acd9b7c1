import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SolutionInput } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { pollWhileSuggestionsPending } from '../../components/suggestions-status';

/** A solution; with `followSuggestions`, asked again every few seconds while the needs
 * recommended for it are being computed in the background. */
export function useSolution(id: string | undefined, { followSuggestions = false } = {}) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['solutions', id, lang],
    queryFn: () => api.get('/api/solutions/{id}/', { params: { id: id ?? '' } }),
    enabled: !!id,
    refetchInterval: followSuggestions ? pollWhileSuggestionsPending : false,
  });
}

export function useSolutions(query: Record<string, string>) {
  return useQuery({
    queryKey: ['solutions', 'list', query],
    queryFn: () => api.get('/api/solutions/', { query }),
    select: (d) => d.results,
  });
}

export function useSolutionMatches(id: string) {
  return useQuery({
    queryKey: ['solutions', id, 'matches'],
    queryFn: () => api.get('/api/solutions/{id}/matches/', { params: { id } }),
    select: (d) => d.results,
  });
}

export function useSaveSolution(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SolutionInput) => {
      if (!id) return api.post('/api/solutions/', body);
      const { organization: _org, status: _status, ...patch } = body;
      return api.patch('/api/solutions/{id}/', patch, { params: { id } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['solutions'] }),
  });
}

export function usePublishSolution(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/solutions/{id}/publish/', undefined, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['solutions'] }),
  });
}
