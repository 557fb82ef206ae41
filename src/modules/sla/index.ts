export { refreshTicketSla } from './sla-refresh.ts';
export { applyScheduleChange, getTicketSla, slaBadges, recordScheduleChange } from './sla.service.ts';
export { NO_SLA_NOTIFIER, runSlaSweep, type SlaAlert, type SlaActionContext, type SlaNotifier, type SlaRecipient } from './sla-actions.ts';
export { recomputeBrand, SlaRecomputeJob } from './sla-jobs.ts';
export { slaRoutes } from './sla.routes.ts';
export { SlaBadge, TicketSlaResponse, SCHEDULE_CHANGE_REASONS, TIMER_KINDS } from './sla.schemas.ts';
export { computeTimers, type SlaFacts, type SlaPolicyTargets } from './sla-timers.ts';
export { slaTicketListener } from './sla-listener.ts';
