import { decideWarranty, addMonths } from '/work/main/src/modules/warranty/index.ts';
const f = { at: '2026-05-01', countryOfSale: 'FR', buyer: 'consumer' as const, condition: 'new' as const, purchasedOn: '2025-01-01', deliveredOn: '2025-01-03', proofOfPurchase: true, commercialWarrantyMonths: 24, channel: 'direct' as const, legalRepairs: [], payment: null, misuseRecordedOn: null };
for (let i = 0; i < 100000; i++) decideWarranty(f);
let t = performance.now(); for (let i = 0; i < 500000; i++) decideWarranty(f); console.log('decide/s', Math.round(500000 / ((performance.now() - t) / 1000)));
t = performance.now(); for (let i = 0; i < 500000; i++) addMonths('2025-01-03', i % 40); console.log('addMonths/s', Math.round(500000 / ((performance.now() - t) / 1000)));
