import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Conference, Need, NeedInput, Paginated, ResponseItem, SimilarNeed, SuggestedSolution } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { asList, type ListOrPage } from '../../api/list';


export function useNeed(id: string | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['needs', id, lang],
    queryFn: () => api.get<Need>(`/api/needs/${id}/`),
    enabled: !!id,
  });
}

export function useNeeds(params: Record<string, string>) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['needs', 'list', params, lang],
    queryFn: () => api.get<Paginated<Need>>('/api/needs/', params),
  });
}

export function useNeedConferences(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['conferences', 'by-need', id],
    queryFn: () => api.get<ListOrPage<Conference>>('/api/conferences/', { need: id }),
    select: asList,
    enabled: !!id && enabled,
  });
}

export function useNeedMatches(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['needs', id, 'matches'],
    queryFn: () => api.get<ListOrPage<SuggestedSolution>>(`/api/needs/${id}/matches/`),
    select: asList,
    enabled: !!id && enabled,
  });
}

export function useSimilarNeeds(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['needs', id, 'similar'],
    queryFn: () => api.get<ListOrPage<SimilarNeed>>(`/api/needs/${id}/similar/`),
    select: asList,
    enabled: !!id && enabled,
  });
}

export function useNeedResponses(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['needs', id, 'responses'],
    queryFn: () => api.get<ListOrPage<ResponseItem>>(`/api/needs/${id}/responses/`),
    select: asList,
    enabled: !!id && enabled,
  });
}

export function useSaveNeed(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NeedInput) => (id ? api.patch<Need>(`/api/needs/${id}/`, body) : api.post<Need>('/api/needs/', body)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['needs'] }),
  });
}

export function useNeedAction(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'publish' | 'close') => api.post<Need>(`/api/needs/${id}/${action}/`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['needs'] }),
  });
}
