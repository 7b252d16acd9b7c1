import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ConferenceInput, Participant } from '../../api/types';
import { useI18n } from '../../app/i18n';

export function useConference(id: string | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['conferences', id, lang],
    queryFn: () => api.get('/api/conferences/{id}/', { params: { id: id ?? '' } }),
    enabled: !!id,
  });
}

export function useConferences(query: Record<string, string>, enabled = true) {
  return useQuery({
    queryKey: ['conferences', 'list', query],
    queryFn: () => api.get('/api/conferences/', { query }),
    select: (d) => d.results,
    enabled,
  });
}

export function useSaveConference(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConferenceInput) => {
      if (!id) return api.post('/api/conferences/', body);
      const { organization: _org, ...patch } = body;
      return api.patch('/api/conferences/{id}/', patch, { params: { id } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences'] }),
  });
}

export function usePublishConference(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/conferences/{id}/publish/', undefined, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences'] }),
  });
}

/** Host and advisors see every registration; a supplier sees its own. */
export function useRegistrations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['conferences', id, 'registrations'],
    queryFn: () => api.get('/api/conferences/{id}/registrations/', { params: { id } }),
    select: (d) => d.results,
    enabled,
  });
}

export function useRegister(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ organization, participants }: { organization: number; participants: Participant[] }) =>
      api.post('/api/conferences/{id}/registrations/', { organization, participants }, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', id] }),
  });
}

export function useSlots(id: string) {
  return useQuery({
    queryKey: ['conferences', id, 'slots'],
    queryFn: () => api.get('/api/conferences/{id}/slots/', { params: { id }, query: { page_size: 200 } }),
    select: (d) => d.results,
  });
}

export function useMySlots(conferenceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['conferences', conferenceId, 'slots', 'mine'],
    queryFn: () => api.get('/api/slots/mine/', { query: { conference: conferenceId } }),
    select: (d) => new Set(d.results.map((s) => s.id)),
    enabled,
  });
}

export function useCreateSlot(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { starts_at: string; ends_at: string }) => api.post('/api/conferences/{id}/slots/', body, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', id, 'slots'] }),
  });
}

/** The host moves a 1:1 meeting (a booked one's booker is told by the backend). */
export function useUpdateSlot(conferenceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slotId, ...body }: { slotId: number; starts_at: string; ends_at: string }) => api.put('/api/slots/{id}/', body, { params: { id: slotId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', conferenceId, 'slots'] }),
  });
}

/** The host deletes a 1:1 meeting (a booked one's booker is told by the backend). */
export function useDeleteSlot(conferenceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (slotId: number) => api.delete('/api/slots/{id}/', { params: { id: slotId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', conferenceId, 'slots'] }),
  });
}

/** The host (or an advisor) cancels a booking, with an optional reason the booker is sent. */
export function useCancelBooking(conferenceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slotId, reason }: { slotId: number; reason: string }) => api.post('/api/slots/{id}/cancel/', { reason }, { params: { id: slotId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', conferenceId, 'slots'] }),
  });
}

/** How many 1:1 meetings the supplier organisation may still book here, and why not. */
export function useBookingAllowance(conferenceId: string, organization: number | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['conferences', conferenceId, 'slots', 'allowance', organization, lang],
    queryFn: () => api.get('/api/conferences/{id}/booking-allowance/', { params: { id: conferenceId }, query: { organization: organization ?? 0 } }),
    enabled: organization !== undefined,
  });
}

export function useCancelConference(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post('/api/conferences/{id}/cancel/', { reason }, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences'] }),
  });
}

export function useSlotAction(conferenceId: string, organization: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slotId, action }: { slotId: number; action: 'book' | 'cancel' }) =>
      action === 'book'
        ? api.post('/api/slots/{id}/book/', { organization: organization ?? 0 }, { params: { id: slotId } })
        : api.post('/api/slots/{id}/cancel/', { reason: '' }, { params: { id: slotId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', conferenceId, 'slots'] }),
  });
}

export function useQuestions(id: string) {
  return useQuery({
    queryKey: ['conferences', id, 'questions'],
    queryFn: () => api.get('/api/conferences/{id}/questions/', { params: { id }, query: { page_size: 200 } }),
    select: (d) => d.results,
  });
}

export function useAskQuestion(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { organization: number; text: string }) => api.post('/api/conferences/{id}/questions/', body, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', id, 'questions'] }),
  });
}

export function useAnswerQuestion(conferenceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ questionId, answer }: { questionId: number; answer: string }) =>
      api.post('/api/questions/{id}/answer/', { answer }, { params: { id: questionId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['conferences', conferenceId, 'questions'] }),
  });
}
