export { unitRoutes, type UnitRoutesOptions } from './unit.routes.ts';
export { getUnit, getUnitWarranty, warrantyFacts } from './unit.service.ts';
export { orderVisibleTo, unitVisibleTo } from './unit-visibility.ts';
export { importOrders, type ImportOptions, type ImportReport, type ImportSource } from './import/order-import.ts';
export { unitsTicketListener } from './units-listener.ts';
export { findSerials, isUsablePattern } from './serial-finder.ts';
export { issueInvoice, issueMissingInvoices } from './invoice.service.ts';
export { renderInvoicePdf, type InvoiceData } from './invoice-pdf.ts';
export { importUnits, type UnitImportReport } from './import/unit-import.ts';
