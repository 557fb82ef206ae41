export { catalogRoutes, type CatalogRoutesOptions } from './catalog.routes.ts';
export { listModels, listParts, saveModel } from './catalog.service.ts';
export { importProducts, type ProductImportReport } from './product-import.ts';
export { moveStock, partsById, type PartFacts } from './part-stock.ts';
