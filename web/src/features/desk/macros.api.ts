import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

export type MacroBody = BodyOf<'/api/v1/desk/macros', 'post'>;
export type Macro = ResponseOf<'/api/v1/desk/macros', 'get'>['items'][number];

export function useMacros(brandId?: string) {
  return useQuery({
    queryKey: ['desk', 'macros', brandId ?? null],
    queryFn: () => ok(api.GET('/api/v1/desk/macros', { params: { query: { brandId } } })),
    select: (d) => d.items,
  });
}

export function useSaveMacro() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: MacroBody }) =>
      id ? ok(api.PUT('/api/v1/desk/macros/{id}', { params: { path: { id } }, body })) : ok(api.POST('/api/v1/desk/macros', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['desk', 'macros'] }),
  });
}

export function useDeleteMacro() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/desk/macros/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['desk', 'macros'] }),
  });
}
