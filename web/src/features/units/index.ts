/** What other parts of the web app use of the units feature: enter it here, never through its files (STYLE.md). */
export { UnitsPanel } from './UnitsPanel';
export { useDecideProof, useProofsToCheck, useRegisterUnit, useRegisteredUnits, useTicketUnits } from './units.api';
export { OUTCOME_COLOR } from './warranty-words';
