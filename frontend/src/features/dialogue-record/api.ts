import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/generated/schema';
import { useI18n } from '../../app/i18n';

export type Minutes = components['schemas']['MinutesOutput'];
export type SharedEntry = components['schemas']['SharedOutput'];
export type SharedKind = components['schemas']['SharedKindEnum'];
export type SharedBody = { kind: SharedKind; text: string; document_title: string; document_url: string };

/** The minutes of a 1:1 meeting, as the reader may see them. */
export function useMinutes(slotId: string | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['minutes', slotId, lang],
    queryFn: () => api.get('/api/slots/{id}/minutes/', { params: { id: slotId ?? '' } }),
    enabled: !!slotId,
  });
}

export function useSaveMinutes(slotId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; send: boolean }) => api.put('/api/slots/{id}/minutes/', body, { params: { id: slotId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['minutes', slotId] }),
  });
}

export function useCommentMinutes(slotId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post('/api/slots/{id}/minutes/comments/', { text }, { params: { id: slotId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['minutes', slotId] }),
  });
}

/** Publishes what the host shared in a held 1:1 meeting to every supplier in the dialogue. */
export function useShareInMeeting(slotId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SharedBody) => api.post('/api/slots/{id}/shared-information/', body, { params: { id: slotId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['minutes', slotId] }),
  });
}

export function useConferenceShared(conferenceId: string) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['conferences', conferenceId, 'shared', lang],
    queryFn: () => api.get('/api/conferences/{id}/shared-information/', { params: { id: conferenceId }, query: { page_size: 100 } }),
    select: (d) => d.results,
  });
}

export function useShareAtConference(conferenceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SharedBody) => api.post('/api/conferences/{id}/shared-information/', body, { params: { id: conferenceId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', conferenceId, 'shared'] }),
  });
}

/** A need's equal-treatment log; 403 (with the reason) for those outside the dialogue. */
export function useNeedSharedLog(needId: string, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['needs', needId, 'shared', lang],
    queryFn: () => api.get('/api/needs/{id}/shared-information/', { params: { id: needId }, query: { page_size: 100 } }),
    select: (d) => d.results,
    enabled,
    retry: false,
  });
}
