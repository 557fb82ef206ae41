export { liveRoutes, HEARTBEAT_MS } from './live.routes.ts';
export { notificationRoutes } from './notification.routes.ts';
export { notificationsTicketListener, withSlaNotifications, mentioned, type NotificationsContext } from './notification.service.ts';
export { NOTIFICATION_KINDS, type LiveEvent } from './notification-kinds.ts';
