import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/generated/schema';
import { useI18n } from '../../app/i18n';

export type Minutes = components['schemas']['MinutesOutput'];
export type SharedEntry = components['schemas']['SharedOutput'];
export type SharedKind = components['schemas']['SharedKindEnum'];
export type SharedBody = { kind: SharedKind; text: string; document_title: string; document_url: string };

/** A meeting of the record: a 1:1 slot at a conference, or a meeting of a need's ongoing dialogue. */
export type MeetingRef = { kind: 'slot' | 'request'; id: string };

const key = (m: MeetingRef) => ['minutes', m.kind, m.id];

/** The minutes of a meeting, as the reader may see them. */
export function useMinutes(meeting: MeetingRef) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: [...key(meeting), lang],
    queryFn: () =>
      meeting.kind === 'slot'
        ? api.get('/api/slots/{id}/minutes/', { params: { id: meeting.id } })
        : api.get('/api/meeting-requests/{id}/minutes/', { params: { id: meeting.id } }),
    enabled: !!meeting.id,
  });
}

export function useSaveMinutes(meeting: MeetingRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; send: boolean }) =>
      meeting.kind === 'slot'
        ? api.put('/api/slots/{id}/minutes/', body, { params: { id: meeting.id } })
        : api.put('/api/meeting-requests/{id}/minutes/', body, { params: { id: meeting.id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: key(meeting) }),
  });
}

export function useCommentMinutes(meeting: MeetingRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      meeting.kind === 'slot'
        ? api.post('/api/slots/{id}/minutes/comments/', { text }, { params: { id: meeting.id } })
        : api.post('/api/meeting-requests/{id}/minutes/comments/', { text }, { params: { id: meeting.id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: key(meeting) }),
  });
}

/** Publishes what the host shared in a held meeting to every supplier in the dialogue. */
export function useShareInMeeting(meeting: MeetingRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SharedBody) =>
      meeting.kind === 'slot'
        ? api.post('/api/slots/{id}/shared-information/', body, { params: { id: meeting.id } })
        : api.post('/api/meeting-requests/{id}/shared-information/', body, { params: { id: meeting.id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: key(meeting) }),
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
