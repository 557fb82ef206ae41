export { embeddableHeaders, webFormRoutes, type WebFormRoutesOptions } from './web-form.routes.ts';
export { ACCOUNT_LINK_TTL_MINUTES, type WebFormMailer } from './web-form.service.ts';
export { WEB_FORM_LIMITS } from './spam-guard.ts';
