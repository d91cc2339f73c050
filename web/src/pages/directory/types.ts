import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api.ts';
import type { Role } from '../../lib/domain.ts';

export type AgencyKind = 'province' | 'district' | 'commune' | 'unit';

export interface AgencyRef {
  id: number;
  code: string;
  name: string;
}

interface Link {
  agencyId: number;
  code: string;
  name: string;
  functions: string | null;
  effectiveOn: string;
}

/** GET /api/directory/agencies → items */
export interface Agency {
  id: number;
  code: string;
  name: string;
  aliases: string[];
  kind: AgencyKind;
  parentId: number | null;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  isMonitor: boolean;
  version: number;
  successors: Link[];
  predecessors: Link[];
}

/** GET /api/directory/groups → items */
export interface Group {
  id: number;
  name: string;
  aliases: string[];
  isOpen: boolean;
  note: string | null;
  version: number;
  members: AgencyRef[];
}

/** GET /api/directory/successors → items */
export interface Successor {
  id: number;
  from: AgencyRef;
  to: AgencyRef;
  functions: string | null;
  effectiveOn: string;
}

/** GET /api/users → items */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  agencyCode: string | null;
  disabled: boolean;
  email: string | null;
  isHead: boolean;
  lockedUntil: string | null;
  passwordChangedAt: string;
  createdAt: string;
}

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
