import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { components } from '../../../api/generated/schema';
import { useI18n } from '../../../app/i18n';
import { filterQuery, pageQuery, type Desk } from './params';

export type DeskMatch = components['schemas']['DeskMatchOutput'];
export type BulkAction = components['schemas']['BulkDecisionInputActionEnum'];

/** One page of the desk; the previous page stays on screen while the next one loads. */
export function useDeskPage(desk: Desk, enabled = true) {
  const { lang } = useI18n();
  const query = pageQuery(desk);
  return useQuery({
    queryKey: ['matches', 'desk', query, lang],
    queryFn: () => api.get('/api/matches/queue/', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** How many rows each view holds under the desk's filters (the view switch shows them). */
export function useDeskCounts(desk: Desk, enabled = true) {
  const query = filterQuery(desk);
  return useQuery({
    queryKey: ['matches', 'desk-counts', query],
    queryFn: () => api.get('/api/matches/queue/counts/', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type BulkRequest = { action: BulkAction; ids: number[]; reason?: string };

/** Shortlists or rejects the ids in one request: all of them, or (on a 400) none. */
export function useBulkDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkRequest) => api.post('/api/matches/bulk/', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['matches'] }),
  });
}
