export { unitRoutes, type UnitRoutesOptions } from './unit.routes.ts';
export { getUnit, getUnitWarranty, warrantyFacts } from './unit.service.ts';
export { orderVisibleTo, unitVisibleTo } from './unit-visibility.ts';
