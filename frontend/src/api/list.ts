import type { Paginated } from './types';

export type ListOrPage<T> = T[] | Paginated<T>;

/** Lists may come paginated ({count, results}) or bare; the UI wants the items. */
export function asList<T>(data: ListOrPage<T>): T[] {
  return Array.isArray(data) ? data : data.results;
}
