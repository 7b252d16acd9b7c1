import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { components } from '../../api/generated/schema';

type S = components['schemas'];
export type Pilot = S['PilotOutput'];
export type PilotInput = S['PilotInputRequest'];
export type PilotStatus = NonNullable<Pilot['status']>;
export type ResultInput = S['ResultInputRequest'];

export const PILOT_STATUSES: PilotStatus[] = ['wanted', 'running', 'completed', 'cancelled'];
export const UNITS = ['count', 'minutes', 'hours', 'days', 'nok', 'percent', 'percentage_points', 'tonnes_co2e', 'km'] as const;

/** A need's pilot; `null` when the need has none (404). `enabled`: ask only when the need
 * says it has one (`has_pilot`). */
export function usePilot(needId: string, enabled = true) {
  return useQuery({
    queryKey: ['needs', needId, 'pilot'],
    enabled,
    queryFn: async (): Promise<Pilot | null> => {
      try {
        return await api.get('/api/needs/{id}/pilot/', { params: { id: needId } });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

function useRefresh(needId: string) {
  const client = useQueryClient();
  return (pilot: Pilot) => {
    client.setQueryData(['needs', needId, 'pilot'], pilot);
    void client.invalidateQueries({ queryKey: ['needs', needId] });
    void client.invalidateQueries({ queryKey: ['search'] });
  };
}

export function useSavePilot(needId: string) {
  const refresh = useRefresh(needId);
  return useMutation({
    mutationFn: (body: PilotInput) => api.put('/api/needs/{id}/pilot/', body, { params: { id: needId } }),
    onSuccess: refresh,
  });
}

export function useRecordResults(needId: string) {
  const refresh = useRefresh(needId);
  return useMutation({
    mutationFn: (results: ResultInput[]) => api.post('/api/needs/{id}/pilot/results/', { results }, { params: { id: needId } }),
    onSuccess: refresh,
  });
}
