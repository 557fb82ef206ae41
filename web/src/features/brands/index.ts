/** What other parts of the web app use of the brands feature: enter it here, never through its files (STYLE.md). */
export { BrandBand } from './BrandBand';
export { useBrandMap, useBrands, useGroups, useStaffUsers } from './brands.api';
