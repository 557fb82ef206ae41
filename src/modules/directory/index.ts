export { listGroups, listStaff } from './directory.service.ts';
export { directoryRoutes } from './directory.routes.ts';
