// Administration of people and access (issue 14, item 6): the auth module owns these tables.
export { peopleAdminRoutes, type PeopleAdminRoutesOptions } from './people-admin.routes.ts';
export { apiTokenRoutes } from './api-tokens.routes.ts';
export { type InvitationMailer, INVITATION_TTL_DAYS } from './users.service.ts';
