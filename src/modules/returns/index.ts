export { actorMay, eventsFrom, FINAL_STATES, missingAccessories, RMA_EVENTS, RMA_STATES, transition } from './rma-machine.ts';
export type { LineCoverage, RmaActor, RmaEvent, RmaFacts, RmaGuard, RmaLineFacts, RmaState, TransitionResult } from './rma-machine.ts';
export { type LabelData, renderLabelPdf } from './label-pdf.ts';
export { returnRoutes, type ReturnRoutesOptions } from './rma.routes.ts';
export { NO_RETURN_NOTIFIER, type ReturnChange, type ReturnNotifier } from './rma-notifier.ts';
export { lookupReturn } from './receiving.service.ts';
export { defectiveCollected, recordPickup, recordReplacementParcel, recordReturnParcel, replacementBeforePickup, workshopLine } from './rma-workshop.ts';
