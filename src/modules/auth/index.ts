export { assertAdmin, isAdmin, isStaff, loadActor, PORTAL_ROLES, STAFF_ROLES, type Actor } from './actor.ts';
export { createApiToken, createSession, login, logout, resolveApiToken, resolveSession, SESSION_TTL_MS } from './session.service.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { authRoutes, type AuthRoutesOptions } from './auth.routes.ts';
export { authHook, SESSION_COOKIE, type RouteAccess } from './auth.hook.ts';
export { confirmPasswordReset, issueAccountLink, requestPasswordReset, type PasswordResetMailer } from './password-reset.service.ts';
export { apiTokenRoutes, INVITATION_TTL_DAYS, peopleAdminRoutes, type InvitationMailer, type PeopleAdminRoutesOptions } from './admin/index.ts';
