import { readCsv } from '/work/main/src/modules/orders/import/csv-source.ts';
import { readOrderRow } from '/work/main/src/modules/orders/import/order-rows.ts';
import { copyLine } from '/work/main/src/platform/db/copy.ts';
const f = process.argv[2]!;
let t = performance.now(); let n = 0;
for await (const r of readCsv(f)) { n++; }
console.log('parse only', n, Math.round(performance.now() - t));
t = performance.now(); n = 0; let len = 0;
for await (const r of readCsv(f)) { n++; const c = readOrderRow(r.line, r.values, '2026-11-30'); if ('row' in c) { const x = c.row; len += copyLine([r.line, x.orderId, x.lineId, x.orderedOn, x.customerEmail, x.customerName, x.country, x.currency, 'abc', x.quantity, x.unitPriceCents, x.serials, x.deliveredOn, x.condition, x.buyer, null, x.paymentProvider, x.paidOn, null, null]).length; } }
console.log('parse+check+copyLine', n, Math.round(performance.now() - t));
