import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { addMonths } from '../modules/warranty/index.ts';

/**
 * Each demo brand's real kind of product (issue 11), and the demo customers' orders and units —
 * including seed 001's cases at Mécashop: a unit delivered days ago and unused, an order under an
 * open PayPal dispute paid two months ago, one paid seven months ago, a second-hand unit, a unit
 * without proof of purchase. Eiler sells software: a licence has no serial plate, so its units are
 * told apart by their licence key (`identified_by = 'licence_key'`). Dates are relative to `now`.
 */
interface DemoModel {
  brand: string;
  family: { code: string; name: Record<string, string> };
  code: string;
  name: Record<string, string>;
  identifiedBy?: 'serial' | 'licence_key';
  serialPatterns: string[];
  commercialWarrantyMonths: number | null;
  endOfLifeMonthsAgo?: number;
  onsiteContractLevels?: string[];
  accessories?: { key: string; name: Record<string, string> }[];
}

const MODELS: DemoModel[] = [
  { brand: 'carri', family: { code: 'servers', name: { fr: 'Serveurs', en: 'Servers' } }, code: 'CS-R540', name: { fr: 'Serveur CS-R540', en: 'CS-R540 server' }, serialPatterns: ['CS540-\\d{4}-[A-Z]\\d'], commercialWarrantyMonths: 36, onsiteContractLevels: ['premium'] },
  { brand: 'carri', family: { code: 'printers', name: { fr: 'Imprimantes', en: 'Printers' } }, code: 'CP-8812', name: { fr: 'Imprimante réseau CP-8812', en: 'CP-8812 network printer' }, serialPatterns: ['CP-8812-\\d{4}'], commercialWarrantyMonths: 12 },
  { brand: 'carri', family: { code: 'printers', name: { fr: 'Imprimantes', en: 'Printers' } }, code: 'CP-4410', name: { fr: 'Imprimante laser CP-4410', en: 'CP-4410 laser printer' }, serialPatterns: ['CP-4410-\\d{4}'], commercialWarrantyMonths: 12, endOfLifeMonthsAgo: 11 },
  { brand: 'mecashop', family: { code: 'tondeuses', name: { fr: 'Tondeuses' } }, code: 'RT-800', name: { fr: 'Robot tondeuse RT-800' }, serialPatterns: ['RT800-\\d{6}'], commercialWarrantyMonths: null },
  { brand: 'mecashop', family: { code: 'tondeuses', name: { fr: 'Tondeuses' } }, code: 'TD-46', name: { fr: 'Tondeuse thermique TD-46' }, serialPatterns: ['TD-\\d{4}-\\d{2}'], commercialWarrantyMonths: null },
  { brand: 'mecashop', family: { code: 'coupe', name: { fr: 'Coupe et taille' } }, code: 'TR-45', name: { fr: 'Tronçonneuse TR-45' }, serialPatterns: ['TR-\\d{4}-\\d{2}'], commercialWarrantyMonths: null },
  { brand: 'mecashop', family: { code: 'coupe', name: { fr: 'Coupe et taille' } }, code: 'DB-52', name: { fr: 'Débroussailleuse DB-52' }, serialPatterns: ['DB-\\d{4}-\\d{2}'], commercialWarrantyMonths: null },
  { brand: 'mecashop', family: { code: 'coupe', name: { fr: 'Coupe et taille' } }, code: 'TH-60', name: { fr: 'Taille-haie TH-60' }, serialPatterns: ['TH-\\d{4}-\\d{2}'], commercialWarrantyMonths: null },
  { brand: 'charge-amps', family: { code: 'chargers', name: { sv: 'Laddboxar', en: 'Chargers' } }, code: 'HALO', name: { sv: 'Laddbox Halo', en: 'Halo charger' }, serialPatterns: ['CA-HALO-\\d{6}'], commercialWarrantyMonths: 36, accessories: [{ key: 'cable', name: { sv: 'Laddkabel', en: 'Charging cable' } }] },
  { brand: 'charge-amps', family: { code: 'chargers', name: { sv: 'Laddboxar', en: 'Chargers' } }, code: 'AURA', name: { sv: 'Laddbox Aura', en: 'Aura charger' }, serialPatterns: ['CA-AURA-\\d{6}'], commercialWarrantyMonths: 36 },
  { brand: 'eiler', family: { code: 'software', name: { ru: 'Программы', en: 'Software' } }, code: 'EILER-5', name: { ru: 'Eiler 5, лицензия на рабочее место', en: 'Eiler 5 seat licence' }, identifiedBy: 'licence_key', serialPatterns: ['EIL-\\d{4}-\\d{4}'], commercialWarrantyMonths: 12 },
  {
    brand: 'smart-id',
    family: { code: 'terminals', name: { ro: 'Terminale portabile', en: 'Handheld terminals' } },
    code: 'SID-T3',
    name: { ro: 'Terminal portabil SID-T3', en: 'SID-T3 handheld terminal' },
    serialPatterns: ['SIDT3-\\d{6}'],
    commercialWarrantyMonths: 12,
    endOfLifeMonthsAgo: 30,
    accessories: [{ key: 'battery', name: { ro: 'Acumulator', en: 'Battery' } }],
  },
  {
    brand: 'smart-id',
    family: { code: 'terminals', name: { ro: 'Terminale portabile', en: 'Handheld terminals' } },
    code: 'SID-T5',
    name: { ro: 'Terminal portabil SID-T5', en: 'SID-T5 handheld terminal' },
    serialPatterns: ['SIDT5-\\d{6}'],
    commercialWarrantyMonths: 12,
    accessories: [
      { key: 'battery', name: { ro: 'Acumulator', en: 'Battery' } },
      { key: 'cradle', name: { ro: 'Suport de încărcare', en: 'Charging cradle' } },
    ],
  },
];

const PARTS: { brand: string; reference: string; name: Record<string, string>; priceCents: number; currency: string; stock: number; leadDays: number; models: string[] }[] = [
  { brand: 'smart-id', reference: 'SID-BAT-T5', name: { ro: 'Acumulator SID-T5', en: 'SID-T5 battery' }, priceCents: 7_800, currency: 'EUR', stock: 12, leadDays: 14, models: ['SID-T5'] },
  { brand: 'smart-id', reference: 'SID-CRD-T5', name: { ro: 'Suport de încărcare SID-T5', en: 'SID-T5 charging cradle' }, priceCents: 11_900, currency: 'EUR', stock: 3, leadDays: 21, models: ['SID-T5'] },
  // Seed 004: a part out of stock, ordered only once the customer accepts the quote.
  { brand: 'smart-id', reference: 'SID-DSP-T5', name: { ro: 'Ecran tactil SID-T5', en: 'SID-T5 touch display' }, priceCents: 14_500, currency: 'EUR', stock: 0, leadDays: 21, models: ['SID-T5'] },
  { brand: 'mecashop', reference: 'LAME-TD46', name: { fr: 'Lame de coupe TD-46' }, priceCents: 2_490, currency: 'EUR', stock: 40, leadDays: 5, models: ['TD-46'] },
  { brand: 'mecashop', reference: 'BAT-RT800', name: { fr: 'Batterie robot RT-800' }, priceCents: 12_900, currency: 'EUR', stock: 0, leadDays: 30, models: ['RT-800'] },
  { brand: 'carri', reference: 'PSU-R540', name: { fr: 'Alimentation CS-R540', en: 'CS-R540 power supply' }, priceCents: 18_900, currency: 'EUR', stock: 6, leadDays: 7, models: ['CS-R540'] },
];

interface DemoUnit {
  brand: string;
  model: string;
  owner: string;
  serial?: string;
  licenceKey?: string;
  country: string;
  buyer?: 'consumer' | 'business';
  condition?: 'new' | 'refurbished' | 'second_hand';
  seller?: string;
  /** Delivered this many days ago; ordered and paid a few days before. */
  deliveredDaysAgo: number;
  /** No order: registered from the portal, its proof not yet given. */
  withoutProof?: boolean;
  order?: { number: string; provider?: string; disputeOpenedDaysAgo?: number; totalCents: number; currency: string };
}

const UNITS: DemoUnit[] = [
  { brand: 'carri', model: 'CS-R540', owner: 'client@carri.example', serial: 'CS540-1234-A7', country: 'FR', buyer: 'business', deliveredDaysAgo: 420, order: { number: 'CS-CMD-2025-0412', totalCents: 489_000, currency: 'EUR' } },
  // Seed 000, scenario 1: the server of the demo phone ticket, under the commercial warranty, its
  // owner's organisation on the premium contract (on site for CS-R540); and an older one out of
  // warranty, for a billable visit.
  { brand: 'carri', model: 'CS-R540', owner: 'client@carri.example', serial: 'CS540-2291-A7', country: 'FR', buyer: 'business', deliveredDaysAgo: 380, order: { number: 'CS-CMD-2025-0455', totalCents: 512_000, currency: 'EUR' } },
  { brand: 'carri', model: 'CS-R540', owner: 'client@carri.example', serial: 'CS540-0815-B2', country: 'FR', buyer: 'business', deliveredDaysAgo: 1400, order: { number: 'CS-CMD-2022-0917', totalCents: 468_000, currency: 'EUR' } },
  { brand: 'carri', model: 'CP-8812', owner: 'client@carri.example', serial: 'CP-8812-0042', country: 'FR', buyer: 'business', deliveredDaysAgo: 200, order: { number: 'CS-CMD-2026-0097', totalCents: 129_000, currency: 'EUR' } },
  // Seed 001 (Mécashop): delivered days ago and unused.
  // (The demo ticket "Tondeuse reçue en panne" is about this one.)
  { brand: 'mecashop', model: 'TD-46', owner: 'client@mecashop.example', serial: 'TD-4521-88', country: 'FR', deliveredDaysAgo: 5, order: { number: 'CMD-2026-118842', provider: 'PayPal', totalCents: 34_900, currency: 'EUR' } },
  // Paid two months ago, a PayPal dispute open for three weeks: direct after-sales is blocked.
  { brand: 'mecashop', model: 'RT-800', owner: 'client@mecashop.example', serial: 'RT800-204518', country: 'FR', deliveredDaysAgo: 57, order: { number: 'MS-10233', provider: 'PayPal', disputeOpenedDaysAgo: 21, totalCents: 89_900, currency: 'EUR' } },
  // Paid seven months ago.
  { brand: 'mecashop', model: 'TR-45', owner: 'client@mecashop.example', serial: 'TR-3390-07', country: 'FR', deliveredDaysAgo: 210, order: { number: 'MS-09817', provider: 'Carte bancaire', totalCents: 27_900, currency: 'EUR' } },
  // Second-hand.
  { brand: 'mecashop', model: 'DB-52', owner: 'client@mecashop.example', serial: 'DB-5120-33', country: 'FR', condition: 'second_hand', deliveredDaysAgo: 120, order: { number: 'MS-10011', provider: 'PayPal', totalCents: 14_900, currency: 'EUR' } },
  // No proof of purchase.
  { brand: 'mecashop', model: 'TH-60', owner: 'client@mecashop.example', serial: 'TH-6002-91', country: 'FR', deliveredDaysAgo: 300, withoutProof: true },
  // Seed 002's mail with two serials, both sold through Laddexperten: one under the legal guarantee, one long out of it.
  { brand: 'charge-amps', model: 'HALO', owner: 'kund@charge-amps.example', serial: 'CA-HALO-220198', country: 'SE', seller: 'Laddexperten AB', deliveredDaysAgo: 300, order: { number: 'LE-2025-1402', totalCents: 1_299_000, currency: 'SEK' } },
  { brand: 'charge-amps', model: 'HALO', owner: 'kund@charge-amps.example', serial: 'CA-HALO-220199', country: 'SE', seller: 'Laddexperten AB', deliveredDaysAgo: 1600, order: { number: 'LE-2022-0711', totalCents: 1_199_000, currency: 'SEK' } },
  { brand: 'charge-amps', model: 'HALO', owner: 'kund@charge-amps.example', serial: 'CA-HALO-481516', country: 'SE', seller: 'Laddexperten AB', deliveredDaysAgo: 790, order: { number: 'LE-2024-3318', totalCents: 1_299_000, currency: 'SEK' } },
  { brand: 'eiler', model: 'EILER-5', owner: 'client@eiler.example', licenceKey: 'EIL-5521-8830', country: 'RU', buyer: 'business', deliveredDaysAgo: 300, order: { number: 'EIL-2026-0115', totalCents: 2_450_000, currency: 'RUB' } },
  { brand: 'smart-id', model: 'SID-T5', owner: 'client@smart-id.example', serial: 'SIDT5-310577', country: 'RO', deliveredDaysAgo: 600, order: { number: 'SID-2025-0203', totalCents: 389_000, currency: 'RON' } },
  // Seed 004's workshop: two terminals long out of every coverage (a quote accepted, a quote
  // refused), and one of the end-of-life SID-T3 (a second-hand unit offered, the old one recycled).
  { brand: 'smart-id', model: 'SID-T5', owner: 'client@smart-id.example', serial: 'SIDT5-310578', country: 'RO', deliveredDaysAgo: 900, order: { number: 'SID-2024-0931', totalCents: 78_000, currency: 'EUR' } },
  { brand: 'smart-id', model: 'SID-T5', owner: 'client@smart-id.example', serial: 'SIDT5-310579', country: 'RO', deliveredDaysAgo: 1000, order: { number: 'SID-2024-0712', totalCents: 78_000, currency: 'EUR' } },
  { brand: 'smart-id', model: 'SID-T3', owner: 'client@smart-id.example', serial: 'SIDT3-100482', country: 'RO', deliveredDaysAgo: 1500, order: { number: 'SID-2022-1104', totalCents: 64_000, currency: 'EUR' } },
];

/** Units the brand holds in stock (no owner, no order): the replacements and the units it offers. */
const STOCK_UNITS: { brand: string; model: string; serial: string; condition: 'new' | 'refurbished' | 'second_hand'; country: string }[] = [
  { brand: 'smart-id', model: 'SID-T5', serial: 'SIDT5-400101', condition: 'new', country: 'RO' },
  { brand: 'smart-id', model: 'SID-T5', serial: 'SIDT5-209001', condition: 'second_hand', country: 'RO' },
  { brand: 'charge-amps', model: 'HALO', serial: 'CA-HALO-900017', condition: 'refurbished', country: 'SE' },
  { brand: 'mecashop', model: 'TD-46', serial: 'TD-4600-01', condition: 'new', country: 'FR' },
];

const dayOf = (now: Date, daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** Idempotent: brands that have models already are left as they are. */
export async function seedCatalog(db: Db, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('apres-demo-catalog'))`.execute(trx);
    const brands = await trx.selectFrom('brand').select(['id', 'slug']).execute();
    const brandId = new Map(brands.map((b) => [b.slug, b.id]));
    const seeded = new Set((await trx.selectFrom('product_model').select('brand_id').distinct().execute()).map((r) => r.brand_id));
    const todo = new Set([...new Set(MODELS.map((m) => m.brand))].filter((slug) => brandId.has(slug) && !seeded.has(brandId.get(slug)!)));
    if (todo.size === 0) return;
    const modelIds = new Map<string, string>();
    for (const m of MODELS.filter((x) => todo.has(x.brand))) {
      const bId = brandId.get(m.brand)!;
      const family = await trx
        .insertInto('product_family')
        .values({ brand_id: bId, code: m.family.code, name: JSON.stringify(m.family.name) })
        .onConflict((oc) => oc.columns(['brand_id', 'code']).doUpdateSet({ code: m.family.code }))
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('product_model')
        .values({
          brand_id: bId,
          family_id: family.id,
          code: m.code,
          name: JSON.stringify(m.name),
          identified_by: m.identifiedBy ?? 'serial',
          serial_patterns: m.serialPatterns,
          lifecycle: m.endOfLifeMonthsAgo ? 'end_of_life' : 'active',
          end_of_life_on: m.endOfLifeMonthsAgo ? addMonths(dayOf(now, 0), -m.endOfLifeMonthsAgo) : null,
          commercial_warranty_months: m.commercialWarrantyMonths,
          onsite_contract_levels: m.onsiteContractLevels ?? [],
          accessories: JSON.stringify(m.accessories ?? []),
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      modelIds.set(`${m.brand}/${m.code}`, row.id);
    }
    for (const p of PARTS.filter((x) => todo.has(x.brand))) {
      const part = await trx
        .insertInto('spare_part')
        .values({ brand_id: brandId.get(p.brand)!, reference: p.reference, name: JSON.stringify(p.name), price_cents: p.priceCents, currency: p.currency, stock_on_hand: p.stock, reorder_lead_days: p.leadDays })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const m of p.models) await trx.insertInto('spare_part_model').values({ part_id: part.id, model_id: modelIds.get(`${p.brand}/${m}`)! }).execute();
    }
    for (const u of STOCK_UNITS.filter((x) => todo.has(x.brand))) {
      await trx
        .insertInto('unit')
        .values({ brand_id: brandId.get(u.brand)!, model_id: modelIds.get(`${u.brand}/${u.model}`)!, serial: u.serial, condition: u.condition, country_of_sale: u.country, created_at: now })
        .execute();
    }
    for (const u of UNITS.filter((x) => todo.has(x.brand))) {
      const bId = brandId.get(u.brand)!;
      const owner = await trx.selectFrom('app_user').select('id').where('email', '=', u.owner).executeTakeFirst();
      if (!owner) continue;
      const seller = u.seller ? await trx.selectFrom('organisation').select('id').where('name', '=', u.seller).executeTakeFirst() : undefined;
      const deliveredOn = dayOf(now, u.deliveredDaysAgo);
      const orderedOn = dayOf(now, u.deliveredDaysAgo + 3);
      let lineId: string | null = null;
      if (u.order && !u.withoutProof) {
        const order = await trx
          .insertInto('customer_order')
          .values({
            brand_id: bId,
            external_id: u.order.number,
            customer_id: owner.id,
            seller_organisation_id: seller?.id ?? null,
            ordered_on: orderedOn,
            country_of_sale: u.country,
            buyer: u.buyer ?? 'consumer',
            currency: u.order.currency,
            total_cents: u.order.totalCents,
            payment_provider: u.order.provider ?? null,
            paid_on: orderedOn,
            dispute_opened_on: u.order.disputeOpenedDaysAgo !== undefined ? dayOf(now, u.order.disputeOpenedDaysAgo) : null,
            dispute_closed_on: null,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const line = await trx
          .insertInto('order_line')
          .values({ order_id: order.id, external_id: '1', model_id: modelIds.get(`${u.brand}/${u.model}`)!, quantity: 1, unit_price_cents: u.order.totalCents })
          .returning('id')
          .executeTakeFirstOrThrow();
        lineId = line.id;
      }
      const unit = await trx
        .insertInto('unit')
        .values({
          brand_id: bId,
          model_id: modelIds.get(`${u.brand}/${u.model}`)!,
          serial: u.serial ?? null,
          licence_key: u.licenceKey ?? null,
          order_line_id: lineId,
          owner_id: owner.id,
          seller_organisation_id: seller?.id ?? null,
          purchased_on: u.withoutProof ? null : orderedOn,
          delivered_on: u.withoutProof ? null : deliveredOn,
          condition: u.condition ?? 'new',
          country_of_sale: u.country,
          buyer: u.buyer ?? 'consumer',
          proof_status: 'none',
          proof_attachment_id: null,
          misuse_recorded_on: null,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('unit_event')
        .values({ unit_id: unit.id, at: now, kind: u.withoutProof ? 'registered' : 'imported', actor_id: null, data: JSON.stringify(u.order ? { order: u.order.number } : {}) })
        .execute();
    }
  });
}
