import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { asList, type ListOrPage } from '../../api/list';
import type { ResponseItem, SavedSearch } from '../../api/types';

export function useSavedSearches() {
  return useQuery({
    queryKey: ['saved-searches'],
    queryFn: () => api.get<ListOrPage<SavedSearch>>('/api/saved-searches/'),
    select: asList,
  });
}

export function useUpdateSavedSearch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<SavedSearch> & { id: number }) => api.patch<SavedSearch>(`/api/saved-searches/${id}/`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['saved-searches'] }),
  });
}

export function useDeleteSavedSearch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/saved-searches/${id}/`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['saved-searches'] }),
  });
}

export function useMyResponses() {
  return useQuery({
    queryKey: ['responses', 'mine'],
    queryFn: () => api.get<ListOrPage<ResponseItem>>('/api/responses/'),
    select: asList,
  });
}

export function useCreateResponse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { need: number; summary: string; body: string; confidential: boolean }) => api.post<ResponseItem>('/api/responses/', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['responses'] }),
  });
}
