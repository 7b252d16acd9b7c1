import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { sessionKey } from '../../app/session';

/** The download link: the server answers with an attachment (Content-Disposition). */
export const PERSONAL_DATA_EXPORT = '/api/auth/me/export/';
export const PRIVACY_PAGE = '/account/privacy';
export const ACCOUNT_DELETED_PAGE = '/account/deleted';

export function useDeletionInfo() {
  return useQuery({
    queryKey: ['account', 'deletion'],
    queryFn: ({ signal }) => api.get('/api/auth/me/deletion/', { signal }),
  });
}

/** Deletes the account; afterwards nothing cached belongs to anyone. */
export function useDeleteAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post('/api/auth/me/deletion/', { password }),
    onSuccess: async () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      await client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useResponseAccessLog(responseId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['responses', responseId, 'access-log'],
    queryFn: ({ signal }) => api.get('/api/responses/{id}/access-log/', { params: { id: responseId }, signal }),
    select: (d) => d.results,
    enabled,
  });
}
