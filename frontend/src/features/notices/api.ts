import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The need's title and description in other languages than its own, for its notices. */
export function useNoticeTexts(needId: string, enabled = true) {
  return useQuery({
    queryKey: ['needs', needId, 'notice-texts'],
    queryFn: () => api.get('/api/needs/{id}/notice-texts/', { params: { id: needId } }),
    enabled,
  });
}

export function useSaveNoticeText(needId: string, language: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; description: string }) => api.put('/api/needs/{id}/notice-texts/{language}/', body, { params: { id: needId, language } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['needs', needId, 'notice-texts'] }),
  });
}

export function useRemoveNoticeText(needId: string, language: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/needs/{id}/notice-texts/{language}/', { params: { id: needId, language } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['needs', needId, 'notice-texts'] }),
  });
}
