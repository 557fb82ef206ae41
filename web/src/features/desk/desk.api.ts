import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

export type BulkBody = BodyOf<'/api/v1/tickets/bulk', 'post'>;
export type BulkAction = BulkBody['action'];
export type BulkResult = ResponseOf<'/api/v1/tickets/bulk', 'post'>;
export type UndoResult = ResponseOf<'/api/v1/tickets/bulk/{id}/undo', 'post'>;

export function useBulk() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkBody) => ok(api.POST('/api/v1/tickets/bulk', { body })),
    onSettled: () => qc.invalidateQueries({ queryKey: ['tickets'] }),
  });
}

export function useUndoBulk() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/v1/tickets/bulk/{id}/undo', { params: { path: { id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: ['tickets'] }),
  });
}

export type SavedView = ResponseOf<'/api/v1/desk/views', 'get'>['items'][number];
export type SavedViewBody = BodyOf<'/api/v1/desk/views', 'post'>;

/** The queue views the agent may pick: their own, then their groups' shared ones. */
export function useSavedViews() {
  return useQuery({ queryKey: ['desk', 'views'], queryFn: () => ok(api.GET('/api/v1/desk/views')), select: (d) => d.items });
}

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedViewBody) => ok(api.POST('/api/v1/desk/views', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['desk', 'views'] }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/desk/views/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['desk', 'views'] }),
  });
}
