import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AlertFrequency } from '../../api/types';

export function useSavedSearches() {
  return useQuery({
    queryKey: ['saved-searches'],
    queryFn: () => api.get('/api/saved-searches/'),
    select: (d) => d.results,
  });
}

export function useUpdateSavedSearch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, alert_frequency }: { id: number; alert_frequency: AlertFrequency }) =>
      api.patch('/api/saved-searches/{id}/', { alert_frequency }, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['saved-searches'] }),
  });
}

export function useDeleteSavedSearch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete('/api/saved-searches/{id}/', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['saved-searches'] }),
  });
}

export function useMyResponses() {
  return useQuery({
    queryKey: ['responses', 'mine'],
    queryFn: () => api.get('/api/responses/'),
    select: (d) => d.results,
  });
}

export function useCreateResponse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { need: number; organization: number; summary: string; sections: { text: string; business_secret: boolean; reason: string }[]; confidential: boolean }) =>
      api.post('/api/responses/', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['responses'] }),
  });
}
