export { fieldRoutes, type FieldRoutesOptions } from './visit.routes.ts';
export { checkWindow, decideVisit, overlaps, visitRule, VISIT_RULES, type VisitDecision, type VisitFacts, type VisitRule, type WindowProblem } from './visit-rules.ts';
export { VISIT_OUTCOMES, VISIT_STATES } from './visit.schemas.ts';
