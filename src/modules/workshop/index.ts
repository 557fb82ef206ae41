export { decideRemedy, REMEDIES, REMEDY_RULES, type Remedy, type RemedyDecision, type RemedyFacts, type RemedyRule } from './remedy-decision.ts';
export { REPAIR_EVENTS, REPAIR_STATES, repairEventsFrom, repairTransition, type RepairEvent, type RepairState } from './repair-machine.ts';
export { estimateDuration, type Estimate, type EstimateFacts } from './estimate.ts';
export { formatMoney, STANDARD_TAX_RATE_BP, totals } from './quote-math.ts';
export { workshopRoutes, type WorkshopRoutesOptions } from './workshop.routes.ts';
export { NO_WORKSHOP_NOTIFIER, type WorkshopChange, type WorkshopNotifier } from './workshop-notifier.ts';
export { answerQuote, type QuoteAnswer } from './quote.service.ts';
export { lineText } from './workshop.read.ts';
export { answerInReply, workshopTicketListener } from './reply-answer.ts';
