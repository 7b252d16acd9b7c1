import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { asList, type ListOrPage } from '../../api/list';
import type { Match, PipelineStats } from '../../api/types';
import { useI18n } from '../../app/i18n';

export function useMatches(params: Record<string, string>) {
  return useQuery({
    queryKey: ['matches', params],
    queryFn: () => api.get<ListOrPage<Match>>('/api/matches/', { page_size: 200, ...params }),
    select: asList,
  });
}

export type MatchAction = { id: number; action: 'shortlist' | 'introduce' } | { id: number; action: 'reject'; reason: string } | { id: number; action: 'notes'; text: string };

export function useMatchAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: MatchAction) => {
      const body = a.action === 'reject' ? { reason: a.reason } : a.action === 'notes' ? { text: a.text } : {};
      return api.post<Match>(`/api/matches/${a.id}/${a.action}/`, body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['matches'] }),
  });
}

export function useCreateMatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { need: number; solution: number; note: string }) => api.post<Match>('/api/matches/', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['matches'] }),
  });
}

export function usePipelineStats() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['stats', 'pipeline', lang],
    queryFn: () => api.get<PipelineStats>('/api/stats/pipeline/'),
  });
}
