/** What other parts of the web app use of the sla feature: enter it here, never through its files (STYLE.md). */
export { PortalPlannedDate } from './PortalPlannedDate';
export { SlaQueueBadge } from './SlaBadges';
export { SlaPanel } from './SlaPanel';
export { formatDueWithZone, formatDuration, isReason, listAdjusted, listSkipped, zoneName } from './sla-format';
