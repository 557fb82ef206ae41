/**
 * Who may call each operation of the API, by kind; the authorization tests walk the OpenAPI
 * document and fail on any operation missing here, so a new route cannot ship untested.
 * - public: anyone (login).
 * - self: the caller's own session, settings or uploads only.
 * - portal-and-staff: any signed-in role, answers scoped to what the caller may see.
 * - staff: agents, technicians and admins; portal roles are refused (403).
 * - admin: administrators only; everyone else is refused (403).
 * - ticket: one ticket's data; someone else's ticket is not found (authorization.test.ts).
 * - record: one record of the caller's reach (a brand, an attachment); someone else's is not found.
 */
export type Access = 'public' | 'self' | 'portal-and-staff' | 'staff' | 'admin' | 'ticket' | 'record';

export const ROUTE_ACCESS: Record<string, Access> = {
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/auth/password-reset/confirm': 'public',
  'POST /api/v1/auth/logout-everywhere': 'self',
  'GET /api/v1/auth/me': 'self',
  'PATCH /api/v1/auth/me': 'self',
  'POST /api/v1/attachments': 'self',
  'GET /api/v1/attachments/{id}': 'record',
  'GET /api/v1/brands': 'portal-and-staff',
  'GET /api/v1/brands/{id}': 'record',
  'GET /api/v1/groups': 'staff',
  'GET /api/v1/users': 'staff',
  'GET /api/v1/tickets': 'portal-and-staff',
  'POST /api/v1/tickets': 'portal-and-staff',
  'GET /api/v1/search': 'portal-and-staff',
  'GET /api/v1/tickets/lookup': 'ticket',
  'GET /api/v1/tickets/{id}': 'ticket',
  'PATCH /api/v1/tickets/{id}': 'ticket',
  'POST /api/v1/tickets/{id}/merge': 'ticket',
  'GET /api/v1/tickets/{id}/entries': 'ticket',
  'POST /api/v1/tickets/{id}/entries': 'ticket',
  'GET /api/v1/tickets/{id}/history': 'ticket',
  'GET /api/v1/tickets/{id}/sla': 'ticket',
  'POST /api/v1/tickets/{id}/schedule-changes': 'ticket',
  'GET /api/v1/admin/inbound': 'admin',
  'GET /api/v1/admin/inbound/counts': 'admin',
  'POST /api/v1/admin/inbound/{id}/reprocess': 'admin',
  'POST /api/v1/admin/inbound/{id}/discard': 'admin',
  'GET /api/v1/admin/inbound/{id}/raw': 'admin',
  'GET /api/v1/admin/mailboxes': 'admin',
  'POST /api/v1/admin/mailboxes': 'admin',
  'PATCH /api/v1/admin/mailboxes/{id}': 'admin',
  'POST /api/v1/admin/mailboxes/{id}/test': 'admin',
  'GET /api/v1/admin/mail-settings': 'admin',
  'GET /api/v1/admin/calendars': 'admin',
  'POST /api/v1/admin/calendars': 'admin',
  'GET /api/v1/admin/calendars/{id}': 'admin',
  'PUT /api/v1/admin/calendars/{id}': 'admin',
  'GET /api/v1/admin/calendars/{id}/holidays': 'admin',
  'GET /api/v1/admin/calendars/{id}/preview': 'admin',
  'GET /api/v1/admin/sla-policies': 'admin',
  'POST /api/v1/admin/sla-policies': 'admin',
  'PUT /api/v1/admin/sla-policies/{id}': 'admin',
  'GET /api/v1/admin/webhooks': 'admin',
  'POST /api/v1/admin/webhooks': 'admin',
  'GET /api/v1/admin/webhooks/{id}/deliveries': 'admin',
  'GET /api/v1/units/{id}': 'record',
  'GET /api/v1/units/{id}/warranty': 'record',
  'GET /api/v1/tickets/{id}/units': 'ticket',
  'GET /api/v1/orders': 'portal-and-staff',
  'POST /api/v1/units': 'portal-and-staff',
  'GET /api/v1/units/proofs': 'staff',
  'GET /api/v1/units/registered': 'portal-and-staff',
  'GET /api/v1/units/{id}/proof': 'record',
  'POST /api/v1/units/{id}/proof-decision': 'record',
  'GET /api/v1/orders/{id}/invoice': 'record',
  'PUT /api/v1/orders/{id}/invoice': 'record',
  'POST /api/v1/admin/orders/import': 'admin',
  'GET /api/v1/admin/law-check': 'admin',
  'GET /api/v1/catalog/models': 'staff',
  'GET /api/v1/catalog/parts': 'staff',
  'POST /api/v1/admin/catalog/models': 'admin',
  'PUT /api/v1/admin/catalog/models/{id}': 'admin',
};
