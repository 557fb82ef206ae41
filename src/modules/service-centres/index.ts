export { serviceCentreRoutes, type ServiceCentreRoutesOptions } from './service-centre.routes.ts';
export { deleteServiceCentre, getServiceCentre, listServiceCentres, nearestServiceCentres, saveServiceCentre } from './service-centre.service.ts';
export { ServiceCentreBody, type ServiceCentreInput } from './service-centre.schemas.ts';
export { greatCircleKm, type LatLon } from './great-circle.ts';
export { lookupCity, lookupPostcode, type ResolvedPlace } from './place-lookup.ts';
