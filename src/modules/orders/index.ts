export { unitRoutes, type UnitRoutesOptions } from './unit.routes.ts';
export { getUnit, getUnitWarranty, warrantiesFor, warrantyFacts } from './unit.service.ts';
export { orderVisibleTo, unitVisibleTo } from './unit-visibility.ts';
export { importOrders, importUnits, type ImportOptions, type ImportReport, type ImportSource, type UnitImportReport } from './import/index.ts';
export { unitsTicketListener } from './units-listener.ts';
export { findSerials, isUsablePattern } from './serial-finder.ts';
export { issueInvoice, issueMissingInvoices } from './invoice.service.ts';
export { renderInvoicePdf, type InvoiceData } from './invoice-pdf.ts';
export { handOverStockUnit, recordMisuse, recordUnitEvent, stockUnitCounts } from './unit-history.ts';
