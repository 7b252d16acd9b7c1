import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { asList, type ListOrPage } from '../../api/list';
import type { RecommendedNeed, Solution, SolutionInput } from '../../api/types';
import { useI18n } from '../../app/i18n';

export function useSolution(id: string | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['solutions', id, lang],
    queryFn: () => api.get<Solution>(`/api/solutions/${id}/`),
    enabled: !!id,
  });
}

export function useSolutions(params: Record<string, string>) {
  return useQuery({
    queryKey: ['solutions', 'list', params],
    queryFn: () => api.get<ListOrPage<Solution>>('/api/solutions/', params),
    select: asList,
  });
}

export function useSolutionMatches(id: string | undefined) {
  return useQuery({
    queryKey: ['solutions', id, 'matches'],
    queryFn: () => api.get<ListOrPage<RecommendedNeed>>(`/api/solutions/${id}/matches/`),
    select: asList,
    enabled: !!id,
  });
}

export function useSaveSolution(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SolutionInput) => (id ? api.patch<Solution>(`/api/solutions/${id}/`, body) : api.post<Solution>('/api/solutions/', body)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['solutions'] }),
  });
}

export function usePublishSolution(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Solution>(`/api/solutions/${id}/publish/`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['solutions'] }),
  });
}
