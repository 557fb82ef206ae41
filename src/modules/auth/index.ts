export { isAdmin, isStaff, loadActor, PORTAL_ROLES, STAFF_ROLES, type Actor } from './actor.ts';
export { createApiToken, createSession, login, logout, resolveApiToken, resolveSession } from './session.service.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { authRoutes } from './auth.routes.ts';
export { confirmPasswordReset, requestPasswordReset, type PasswordResetMailer } from './password-reset.service.ts';
