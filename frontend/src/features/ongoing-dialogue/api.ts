import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/generated/schema';
import { useI18n } from '../../app/i18n';

export type Ongoing = components['schemas']['OngoingOutput'];
export type MeetingRequest = components['schemas']['MeetingRequestOutput'];
export type DeclineReason = components['schemas']['DeclineReasonEnum'];
export type OngoingSettings = { weekly_capacity: number; meeting_minutes: number; place: string; topics: string };

const keyOf = (needId: string) => ['needs', needId, 'ongoing'];

/** The need's ongoing dialogue; a 404 means the buyer has not opened it. `enabled`: ask only
 * when the need says it has one (`has_ongoing_dialogue`). */
export function useOngoing(needId: string, enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: [...keyOf(needId), lang],
    queryFn: () => api.get('/api/needs/{id}/ongoing-dialogue/', { params: { id: needId } }),
    retry: false,
    enabled,
  });
}

export function useMeetingRequests(needId: string, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: [...keyOf(needId), 'requests', lang],
    queryFn: () => api.get('/api/needs/{id}/meeting-requests/', { params: { id: needId }, query: { page_size: 100 } }),
    select: (d) => d.results,
    enabled,
  });
}

/** A write of the ongoing dialogue. The refetch it starts is not awaited: the form that made
 * the write (which the new state may remove) still hears of its success and says so. */
function useOngoingMutation<T, R>(needId: string, fn: (vars: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keyOf(needId) });
    },
  });
}

/** Opens the ongoing dialogue, or changes and reopens it. The answer is the dialogue: it goes
 * straight into the cache (a first opening has no query running yet to refetch), and the need
 * is asked again for its `has_ongoing_dialogue`. */
export function useOpenOngoing(needId: string, reopen: boolean) {
  const client = useQueryClient();
  const { lang } = useI18n();
  return useMutation({
    mutationFn: (body: OngoingSettings) =>
      reopen ? api.patch('/api/needs/{id}/ongoing-dialogue/', body, { params: { id: needId } }) : api.post('/api/needs/{id}/ongoing-dialogue/', body, { params: { id: needId } }),
    onSuccess: (dialogue: Ongoing) => {
      client.setQueryData([...keyOf(needId), lang], dialogue);
      void client.invalidateQueries({ queryKey: keyOf(needId) });
      void client.invalidateQueries({ queryKey: ['needs', needId, lang], exact: true });
    },
  });
}

export function useCloseOngoing(needId: string) {
  return useOngoingMutation(needId, () => api.post('/api/needs/{id}/ongoing-dialogue/close/', undefined, { params: { id: needId } }));
}

export function useAskForMeeting(needId: string) {
  return useOngoingMutation(needId, (body: { organization: number; week: string; topic: string }) => api.post('/api/needs/{id}/meeting-requests/', body, { params: { id: needId } }));
}

export function useAccept(needId: string) {
  return useOngoingMutation(needId, ({ requestId, ...body }: { requestId: number; starts_at: string; place: string }) =>
    api.post('/api/meeting-requests/{id}/accept/', body, { params: { id: requestId } }),
  );
}

export function useDecline(needId: string) {
  return useOngoingMutation(needId, ({ requestId, reason }: { requestId: number; reason: DeclineReason }) =>
    api.post('/api/meeting-requests/{id}/decline/', { reason }, { params: { id: requestId } }),
  );
}

export function useWithdraw(needId: string) {
  return useOngoingMutation(needId, (requestId: number) => api.post('/api/meeting-requests/{id}/withdraw/', undefined, { params: { id: requestId } }));
}

export function useCancelMeeting(needId: string) {
  return useOngoingMutation(needId, ({ requestId, reason }: { requestId: number; reason: string }) =>
    api.post('/api/meeting-requests/{id}/cancel/', { reason }, { params: { id: requestId } }),
  );
}
