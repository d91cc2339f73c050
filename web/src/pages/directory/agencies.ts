import { useQuery } from '@tanstack/react-query';
import type { Agency, AgencyKind } from '../../../../src/shared/schemas/directory.ts';
import { api, type Page } from '../../lib/api.ts';

/** Every item of a paged list (200 a page, as the API allows), for short lists searched in the browser. */
export async function fetchAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get<Page<T>>(path, { page, pageSize: 200 });
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) return items;
  }
}

export function useAgencies() {
  return useQuery({
    queryKey: ['directory', 'agencies'],
    queryFn: () => fetchAll<Agency>('/directory/agencies'),
  });
}

export const KIND_LABELS: Record<AgencyKind, { vi: string; en: string }> = {
  province: { vi: 'Cấp tỉnh', en: 'Province level' },
  district: { vi: 'Cấp huyện', en: 'District level' },
  commune: { vi: 'Cấp xã', en: 'Commune level' },
  unit: { vi: 'Đơn vị trực thuộc', en: 'Sub-unit' },
};
