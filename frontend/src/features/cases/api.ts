import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/generated/schema';
import { useI18n } from '../../app/i18n';

type S = components['schemas'];
export type CaseDetail = S['CaseDetailOutput'];
export type CaseItem = S['CaseOutput'];
export type CaseInput = S['CaseInputRequest'];
export type CaseUpdate = S['PatchedCaseUpdateInputRequest'];
export type GainInput = S['GainInputRequest'];
export type GainItem = S['GainOutput'];
export type CaseSuggestion = S['CaseSuggestionOutput'];

export function useCase(id: string | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['cases', id, lang],
    queryFn: () => api.get('/api/cases/{id}/', { params: { id: id ?? '' } }),
    enabled: !!id,
  });
}

export function useCases(query: Record<string, string>) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['cases', 'list', query, lang],
    queryFn: () => api.get('/api/cases/', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveCase(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseInput) => {
      if (!id) return api.post('/api/cases/', body);
      const { need: _need, ...patch } = body;
      return api.patch('/api/cases/{id}/', patch as CaseUpdate, { params: { id } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useCaseAction(id: string, action: 'publish' | 'unpublish') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      action === 'publish'
        ? api.post('/api/cases/{id}/publish/', undefined, { params: { id } })
        : api.post('/api/cases/{id}/unpublish/', undefined, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useReuseCase(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (organization: number) => api.post('/api/cases/{id}/reuse/', { organization }, { params: { id } }),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useNeedCaseLink(needId: string) {
  return useQuery({
    queryKey: ['cases', 'need-link', needId],
    queryFn: () => api.get('/api/needs/{id}/case-link/', { params: { id: needId } }),
  });
}

export function useCaseSuggestions(needId: string, enabled: boolean) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['cases', 'suggestions', needId, lang],
    queryFn: () => api.get('/api/needs/{id}/case-suggestions/', { params: { id: needId } }),
    enabled,
  });
}
