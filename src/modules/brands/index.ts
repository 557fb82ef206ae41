export { getBrandById, getBrandFor, listBrands, mayUseBrand, toBrand, type Brand, type BrandSettings } from './brand.service.ts';
export { IntakeFormSchema, validateCustomFields, type IntakeForm } from './intake-form.ts';
export { checkTicketNumber, findTicketNumbers, formatTicketNumber } from './ticket-number.ts';
export { brandRoutes } from './brand.routes.ts';
export { yearIn } from './brand.service.ts';
export { counterScope, normaliseTicketNumber } from './ticket-number.ts';
export { assertBrandAdmin, mayAdministerBrand } from './brand-admin.service.ts';
