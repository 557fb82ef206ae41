export { deskRoutes, type DeskRoutesOptions } from './desk.routes.ts';
export { BULK_UNDO_MINUTES, runBulk, undoBulk } from './bulk.service.ts';
export { BulkBody } from './bulk.schemas.ts';
