import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

/** Administration of people and access (admins only): users, groups, organisations, API tokens. */

export type AdminUser = ResponseOf<'/api/v1/admin/users', 'get'>['items'][number];
export type InviteBody = BodyOf<'/api/v1/admin/users', 'post'>;
export type UserPatch = BodyOf<'/api/v1/admin/users/{id}', 'patch'>;
export type AdminGroup = ResponseOf<'/api/v1/admin/groups', 'get'>['items'][number];
export type AdminOrganisation = ResponseOf<'/api/v1/admin/organisations', 'get'>['items'][number];
export type OrganisationDetail = ResponseOf<'/api/v1/admin/organisations/{id}', 'get'>;
export type OrganisationBody = BodyOf<'/api/v1/admin/organisations', 'post'>;
export type ApiToken = ResponseOf<'/api/v1/admin/api-tokens', 'get'>['items'][number];
export type ApiTokenBody = BodyOf<'/api/v1/admin/api-tokens', 'post'>;

export interface UserFilter {
  search: string;
  role: AdminUser['role'] | null;
  brandId: string | null;
  active: 'true' | 'false' | null;
}

const USERS = ['admin', 'users'] as const;
const GROUPS = ['admin', 'groups'] as const;
const ORGS = ['admin', 'organisations'] as const;
const TOKENS = ['admin', 'api-tokens'] as const;

export function useAdminUsers(f: UserFilter) {
  return useInfiniteQuery({
    queryKey: [...USERS, f],
    queryFn: ({ pageParam, signal }) =>
      ok(
        api.GET('/api/v1/admin/users', {
          params: { query: { search: f.search.trim() || undefined, role: f.role ?? undefined, brandId: f.brandId ?? undefined, active: f.active ?? undefined, cursor: pageParam ?? undefined, limit: 50 } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useInviteUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) => ok(api.POST('/api/v1/admin/users', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserPatch }) => ok(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: USERS }), qc.invalidateQueries({ queryKey: GROUPS }), qc.invalidateQueries({ queryKey: ORGS })]),
  });
}

export function useResendInvitation() {
  return useMutation({ mutationFn: (id: string) => ok(api.POST('/api/v1/admin/users/{id}/invitation', { params: { path: { id } } })) });
}

export function useAdminGroups() {
  return useQuery({ queryKey: GROUPS, queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/groups', { signal })), select: (d) => d.items });
}

export function useGroupMutations() {
  const qc = useQueryClient();
  const done = () => Promise.all([qc.invalidateQueries({ queryKey: GROUPS }), qc.invalidateQueries({ queryKey: USERS }), qc.invalidateQueries({ queryKey: ['groups'] })]);
  return {
    create: useMutation({ mutationFn: (body: { brandId: string; name: string }) => ok(api.POST('/api/v1/admin/groups', { body })), onSuccess: done }),
    rename: useMutation({ mutationFn: ({ id, name }: { id: string; name: string }) => ok(api.PATCH('/api/v1/admin/groups/{id}', { params: { path: { id } }, body: { name } })), onSuccess: done }),
    add: useMutation({ mutationFn: ({ id, userId }: { id: string; userId: string }) => ok(api.PUT('/api/v1/admin/groups/{id}/members/{userId}', { params: { path: { id, userId } } })), onSuccess: done }),
    remove: useMutation({ mutationFn: ({ id, userId }: { id: string; userId: string }) => ok(api.DELETE('/api/v1/admin/groups/{id}/members/{userId}', { params: { path: { id, userId } } })), onSuccess: done }),
  };
}

export function useOrganisations() {
  return useQuery({ queryKey: ORGS, queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/organisations', { signal })), select: (d) => d.items });
}

export function useOrganisation(id: string | null) {
  return useQuery({
    queryKey: [...ORGS, id],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/organisations/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== null,
  });
}

export function useSaveOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: OrganisationBody }) =>
      id ? ok(api.PATCH('/api/v1/admin/organisations/{id}', { params: { path: { id } }, body })) : ok(api.POST('/api/v1/admin/organisations', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ORGS }),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: TOKENS, queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/api-tokens', { signal })), select: (d) => d.items });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ApiTokenBody) => ok(api.POST('/api/v1/admin/api-tokens', { body })), onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS }) });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => ok(api.POST('/api/v1/admin/api-tokens/{id}/revoke', { params: { path: { id } } })), onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS }) });
}
