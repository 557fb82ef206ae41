import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../../../platform/config/config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { LOCALES, ROLES } from '../../../shared/vocabulary.ts';
import { addGroupMember, createGroup, listAdminGroups, removeGroupMember, renameGroup } from './groups.service.ts';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation, type AdminOrganisation, type AdminOrganisationDetail } from './organisations.service.ts';
import { type AdminUser, getUser, type InvitationMailer, inviteUser, listUsers, resendInvitation, updateUser } from './users.service.ts';

const ORG_KINDS = ['customer', 'reseller', 'distributor'] as const;
const Name = z.string().trim().min(1).max(200);

const UserResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  active: z.boolean(),
  passwordSet: z.boolean().describe('False until the person has accepted their invitation'),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  brandIds: z.array(z.string()),
  groupIds: z.array(z.string()),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
});
const toUser = (u: AdminUser) => ({ ...u, createdAt: u.createdAt.toISOString(), deactivatedAt: u.deactivatedAt?.toISOString() ?? null });

const Member = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string(), active: z.boolean() });
const GroupResponse = z.object({ id: z.string(), brandId: z.string(), name: z.string(), members: z.array(Member) });

const OrganisationResponse = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  memberCount: z.number(),
  childCount: z.number(),
});
const OrganisationDetailResponse = OrganisationResponse.extend({ members: z.array(Member), children: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(ORG_KINDS) })) });
const toOrg = (o: AdminOrganisation) => ({ id: o.id, name: o.name, kind: o.kind, parentId: o.parentId, parentName: o.parentName, memberCount: o.memberCount, childCount: o.childCount });
const toOrgDetail = (o: AdminOrganisationDetail) => ({ ...toOrg(o), members: o.members, children: o.children });

const IdParams = z.object({ id: z.uuid() });

/** What the composition root hands these routes. */
export interface PeopleAdminRoutesOptions {
  db: Db;
  config: AppConfig;
  invitationMailer: InvitationMailer;
}

/** Administration of people and who they work with: users, agent groups, organisations and the reseller chain. */
export const peopleAdminRoutes: FastifyPluginAsyncZod<PeopleAdminRoutesOptions> = async (app, { db, config, invitationMailer }) => {
  const admin = { access: 'admin' as const };

  app.get(
    '/admin/users',
    {
      config: admin,
      schema: {
        tags: ['people'],
        summary: 'People, by name: search by name or address, filter by role, brand and whether active',
        querystring: z.object({
          search: z.string().max(200).optional(),
          role: z.enum(ROLES).optional(),
          brandId: z.uuid().optional(),
          active: z.enum(['true', 'false']).optional(),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(UserResponse), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listUsers(db, request.actor, { ...q, active: q.active === undefined ? undefined : q.active === 'true' });
      return { items: page.items.map(toUser), nextCursor: page.nextCursor };
    },
  );

  app.get('/admin/users/:id', { config: admin, schema: { tags: ['people'], summary: 'One person', params: IdParams, response: { 200: UserResponse } } }, async (request) =>
    toUser(await getUser(db, request.actor, request.params.id)),
  );

  app.post(
    '/admin/users',
    {
      config: admin,
      schema: {
        tags: ['people'],
        summary: 'Invite someone by e-mail: the account is made without a password and a link to choose one is mailed in their language (valid 7 days)',
        body: z
          .object({
            email: z.email().max(254),
            name: Name,
            role: z.enum(ROLES),
            locale: z.enum(LOCALES),
            brandIds: z.array(z.uuid()).max(100),
            groupIds: z.array(z.uuid()).max(100).default([]),
            organisationId: z.uuid().nullable().default(null),
          })
          .strict(),
        response: { 201: UserResponse },
      },
    },
    async (request, reply) => {
      const user = await inviteUser(db, invitationMailer, request.actor, request.body, { ip: request.ip, publicUrl: config.publicUrl }, request.now);
      return reply.code(201).send(toUser(user));
    },
  );

  app.post(
    '/admin/users/:id/invitation',
    { config: admin, schema: { tags: ['people'], summary: 'Send a new invitation link (earlier links stop working)', params: IdParams, response: { 200: UserResponse } } },
    async (request) => toUser(await resendInvitation(db, invitationMailer, request.actor, request.params.id, { ip: request.ip, publicUrl: config.publicUrl }, request.now)),
  );

  app.patch(
    '/admin/users/:id',
    {
      config: admin,
      schema: {
        tags: ['people'],
        summary: "Change a person's name, role, language, brands, groups, organisation, or deactivate them (their sessions end at once); the last active admin stays one",
        params: IdParams,
        body: z
          .object({
            name: Name.optional(),
            role: z.enum(ROLES).optional(),
            locale: z.enum(LOCALES).optional(),
            brandIds: z.array(z.uuid()).max(100).optional(),
            groupIds: z.array(z.uuid()).max(100).optional(),
            organisationId: z.uuid().nullable().optional(),
            active: z.boolean().optional(),
          })
          .strict(),
        response: { 200: UserResponse },
      },
    },
    async (request) => toUser(await updateUser(db, request.actor, request.params.id, request.body, request.now)),
  );

  app.get(
    '/admin/groups',
    { config: admin, schema: { tags: ['people'], summary: 'Agent groups with their members', querystring: z.object({ brandId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(GroupResponse) }) } } },
    async (request) => ({ items: await listAdminGroups(db, request.actor, request.query.brandId) }),
  );
  app.post(
    '/admin/groups',
    { config: admin, schema: { tags: ['people'], summary: 'Create a group in a brand', body: z.object({ brandId: z.uuid(), name: Name }).strict(), response: { 201: GroupResponse } } },
    async (request, reply) => reply.code(201).send(await createGroup(db, request.actor, request.body)),
  );
  app.patch(
    '/admin/groups/:id',
    { config: admin, schema: { tags: ['people'], summary: 'Rename a group', params: IdParams, body: z.object({ name: Name }).strict(), response: { 200: GroupResponse } } },
    async (request) => renameGroup(db, request.actor, request.params.id, request.body.name),
  );
  app.put(
    '/admin/groups/:id/members/:userId',
    { config: admin, schema: { tags: ['people'], summary: "Add a member of the desk or workshop (of the group's brand)", params: z.object({ id: z.uuid(), userId: z.uuid() }), response: { 200: GroupResponse } } },
    async (request) => addGroupMember(db, request.actor, request.params.id, request.params.userId),
  );
  app.delete(
    '/admin/groups/:id/members/:userId',
    { config: admin, schema: { tags: ['people'], summary: 'Remove a member', params: z.object({ id: z.uuid(), userId: z.uuid() }), response: { 200: GroupResponse } } },
    async (request) => removeGroupMember(db, request.actor, request.params.id, request.params.userId),
  );

  app.get(
    '/admin/organisations',
    {
      config: admin,
      schema: {
        tags: ['people'],
        summary: 'Organisations: customers, resellers and distributors, with their place in the chain',
        querystring: z.object({ search: z.string().max(200).optional(), kind: z.enum(ORG_KINDS).optional() }),
        response: { 200: z.object({ items: z.array(OrganisationResponse) }) },
      },
    },
    async (request) => ({ items: (await listOrganisations(db, request.actor, request.query)).map(toOrg) }),
  );
  app.get('/admin/organisations/:id', { config: admin, schema: { tags: ['people'], summary: 'An organisation with its people and the organisations below it', params: IdParams, response: { 200: OrganisationDetailResponse } } }, async (request) =>
    toOrgDetail(await getOrganisation(db, request.actor, request.params.id)),
  );
  app.post(
    '/admin/organisations',
    {
      config: admin,
      schema: {
        tags: ['people'],
        summary: "Create an organisation; a customer's parent is a reseller, a reseller's a distributor",
        body: z.object({ name: Name, kind: z.enum(ORG_KINDS), parentId: z.uuid().nullable().default(null) }).strict(),
        response: { 201: OrganisationDetailResponse },
      },
    },
    async (request, reply) => reply.code(201).send(toOrgDetail(await createOrganisation(db, request.actor, request.body))),
  );
  app.patch(
    '/admin/organisations/:id',
    {
      config: admin,
      schema: {
        tags: ['people'],
        summary: 'Rename, change the kind or move an organisation in the chain (a loop is refused)',
        params: IdParams,
        body: z.object({ name: Name.optional(), kind: z.enum(ORG_KINDS).optional(), parentId: z.uuid().nullable().optional() }).strict(),
        response: { 200: OrganisationDetailResponse },
      },
    },
    async (request) => toOrgDetail(await updateOrganisation(db, request.actor, request.params.id, request.body)),
  );
};
