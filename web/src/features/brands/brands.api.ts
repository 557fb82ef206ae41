import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, ok } from '../../api/client';
import type { Brand } from '../../api/types';

export function useBrands() {
  return useQuery({
    queryKey: ['brands'],
    queryFn: () => ok(api.GET('/api/v1/brands')),
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
    queryFn: () => ok(api.GET('/api/v1/groups', { params: { query: { brandId: brandId ?? undefined } } })),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}

export function useStaffUsers(brandId?: string | null) {
  return useQuery({
    queryKey: ['users', 'agent', brandId ?? null],
    queryFn: () => ok(api.GET('/api/v1/users', { params: { query: { role: 'agent', brandId: brandId ?? undefined } } })),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });
}
