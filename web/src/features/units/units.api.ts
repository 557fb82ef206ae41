import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { BodyOf } from '../../api/types';

/** The units a ticket names, each with today's warranty decision (unknown serials included). */
export function useTicketUnits(ticketId: string, enabled = true) {
  return useQuery({
    queryKey: ['ticket', ticketId, 'units'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/tickets/{id}/units', { params: { path: { id: ticketId } }, signal })),
    select: (d) => d.items,
    enabled,
  });
}

/** The products the customer registered without an order, with the proof's state and today's warranty. */
export function useRegisteredUnits() {
  return useQuery({
    queryKey: ['units', 'registered'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/units/registered', { signal })),
    select: (d) => d.items,
  });
}

export type RegisterUnitBody = BodyOf<'/api/v1/units', 'post'>;

export function useRegisterUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterUnitBody) => ok(api.POST('/api/v1/units', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** Proofs of purchase the desk has to check, oldest first. */
export function useProofsToCheck() {
  return useQuery({
    queryKey: ['units', 'proofs'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/units/proofs', { signal })),
    select: (d) => d.items,
  });
}

export function useDecideProof() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & BodyOf<'/api/v1/units/{id}/proof-decision', 'post'>) => ok(api.POST('/api/v1/units/{id}/proof-decision', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}
