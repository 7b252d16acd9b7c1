import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

export function useMatches(query: Record<string, string>) {
  return useQuery({
    queryKey: ['matches', query],
    queryFn: () => api.get('/api/matches/', { query: { page_size: 200, ...query } }),
    select: (d) => d.results,
  });
}

export function useMatchDetail(id: number) {
  return useQuery({
    queryKey: ['matches', 'detail', id],
    queryFn: () => api.get('/api/matches/{id}/', { params: { id } }),
  });
}

export function useMatchNotes(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['matches', id, 'notes'],
    queryFn: () => api.get('/api/matches/{id}/notes/', { params: { id } }),
    select: (d) => d.results,
    enabled,
  });
}

/** How many notes each pair on a need's board has: one request for the whole board (every
 * card asks with the same key), a pair without notes absent. */
export function useMatchNoteCounts(needId: number) {
  return useQuery({
    queryKey: ['matches', 'note-counts', needId],
    queryFn: () => api.get('/api/matches/note-counts/', { query: { need: needId } }),
    select: (rows) => new Map(rows.map((row) => [row.match, row.count])),
  });
}

export type MatchAction = { id: number; action: 'shortlist' | 'introduce' } | { id: number; action: 'reject'; reason: string } | { id: number; action: 'notes'; text: string };

export function useMatchAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: MatchAction): Promise<unknown> => {
      const params = { id: a.id };
      switch (a.action) {
        case 'shortlist':
          return api.post('/api/matches/{id}/shortlist/', undefined, { params });
        case 'introduce':
          return api.post('/api/matches/{id}/introduce/', undefined, { params });
        case 'reject':
          return api.post('/api/matches/{id}/reject/', { reason: a.reason }, { params });
        default:
          return api.post('/api/matches/{id}/notes/', { text: a.text }, { params });
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['matches'] }),
  });
}

export function useCreateMatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { need: number; solution: number; note: string }) => api.post('/api/matches/', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['matches'] }),
  });
}

export function usePipelineStats() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['stats', 'pipeline', lang],
    queryFn: () => api.get('/api/stats/pipeline/'),
  });
}

/** What people searched for and did not find, over the last `days` days, most frequent first. */
export function useMissedSearches(days: number, page: number, pageSize: number) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['search', 'missed', days, page, pageSize, lang],
    queryFn: () => api.get('/api/search/missed/', { query: { days, page, page_size: pageSize } }),
    placeholderData: keepPreviousData,
  });
}
