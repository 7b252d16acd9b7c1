import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { asList, type ListOrPage } from '../../api/list';
import type { Conference, ConferenceInput, Participant, Registration, Slot } from '../../api/types';
import { useI18n } from '../../app/i18n';

export function useConference(id: string | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['conferences', id, lang],
    queryFn: () => api.get<Conference>(`/api/conferences/${id}/`),
    enabled: !!id,
  });
}

export function useConferences(params: Record<string, string>, enabled = true) {
  return useQuery({
    queryKey: ['conferences', 'list', params],
    queryFn: () => api.get<ListOrPage<Conference>>('/api/conferences/', params),
    select: asList,
    enabled,
  });
}

export function useSaveConference(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConferenceInput) =>
      id ? api.patch<Conference>(`/api/conferences/${id}/`, body) : api.post<Conference>('/api/conferences/', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences'] }),
  });
}

export function usePublishConference(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Conference>(`/api/conferences/${id}/publish/`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences'] }),
  });
}

export function useRegistrations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['conferences', id, 'registrations'],
    queryFn: () => api.get<ListOrPage<Registration>>(`/api/conferences/${id}/registrations/`),
    select: asList,
    enabled,
  });
}

export function useRegister(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (participants: Participant[]) => api.post<Registration>(`/api/conferences/${id}/registrations/`, { participants }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', id] }),
  });
}

export function useSlots(id: string) {
  return useQuery({
    queryKey: ['conferences', id, 'slots'],
    queryFn: () => api.get<ListOrPage<Slot>>(`/api/conferences/${id}/slots/`),
    select: asList,
  });
}

export function useCreateSlot(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { starts_at: string; ends_at: string }) => api.post<Slot>(`/api/conferences/${id}/slots/`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', id, 'slots'] }),
  });
}

export function useSlotAction(conferenceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slotId, action }: { slotId: number; action: 'book' | 'cancel' }) => api.post<Slot>(`/api/slots/${slotId}/${action}/`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', conferenceId, 'slots'] }),
  });
}
