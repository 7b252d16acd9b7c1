import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/generated/schema';

export type Barometer = components['schemas']['BarometerOutput'];
export type BarometerPeriod = 'quarter' | 'month';

export const BAROMETER_JSON = '/api/insights/barometer/';
export const BAROMETER_EXPORT = '/api/insights/barometer/export/';

export function useBarometer(period: BarometerPeriod) {
  return useQuery({
    queryKey: ['barometer', period],
    queryFn: () => api.get('/api/insights/barometer/', { query: { period } }),
  });
}
