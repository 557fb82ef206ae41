import type { NotificationKind } from '../../platform/db/schema.ts';

export const NOTIFICATION_KINDS = ['assigned', 'customer_replied', 'mention', 'sla_warning', 'sla_breach'] as const satisfies readonly NotificationKind[];

/**
 * Whether a kind also goes by e-mail when the agent chose nothing. Service-level alerts were mailed
 * before the notification centre existed and still are; a customer's every reply by mail would bury
 * a busy agent, so that one stays in the app unless asked for.
 */
export const EMAIL_BY_DEFAULT: Record<NotificationKind, boolean> = {
  assigned: true,
  customer_replied: false,
  mention: true,
  sla_warning: true,
  sla_breach: true,
};

/** Bus events this module publishes (ids only: subscribers re-read through the API). */
export type LiveEvent =
  | { type: 'ticket'; ticketId: string }
  | { type: 'presence'; ticketId: string }
  | { type: 'notification'; userId: string };
