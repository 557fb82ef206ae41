export { importOrders, type ImportOptions, type ImportReport, type ImportSource } from './order-import.ts';
export { importUnits, type UnitImportReport } from './unit-import.ts';
