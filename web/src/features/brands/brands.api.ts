import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { Brand, Group, Items, StaffUser } from '../../api/types';

export function useBrands() {
  return useQuery({
    queryKey: ['brands'],
    queryFn: () => api.get<Items<Brand>>('/brands'),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

export function useBrandMap(): Map<string, Brand> {
  const { data } = useBrands();
  return useMemo(() => new Map((data ?? []).map((b) => [b.id, b])), [data]);
}

export function useGroups(brandId?: string | null) {
  return useQuery({
    queryKey: ['groups', brandId ?? null],
    queryFn: () => api.get<Items<Group>>('/groups', { brandId: brandId ?? undefined }),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

export function useStaffUsers(brandId?: string | null) {
  return useQuery({
    queryKey: ['users', 'agent', brandId ?? null],
    queryFn: () => api.get<Items<StaffUser>>('/users', { role: 'agent', brandId: brandId ?? undefined }),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}
