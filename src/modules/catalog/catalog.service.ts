import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { AppError, type FieldError, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { type Actor, assertAdmin, isStaff } from '../auth/index.ts';
import { isUsablePattern } from '../orders/index.ts';
import type { ModelInput, PartInput } from './catalog.schemas.ts';

const staffOnly = (actor: Actor) => {
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 403, 'The catalog is the desk’s');
};
const brandsOf = (actor: Actor) => (actor.role === 'admin' ? null : actor.brandIds);

/** The brand's models for the desk: what a unit can be, its warranty, its patterns, its accessories. */
export async function listModels(db: Db, actor: Actor, q: { brandId?: string | undefined }) {
  staffOnly(actor);
  let query = db
    .selectFrom('product_model as m')
    .leftJoin('product_family as f', 'f.id', 'm.family_id')
    .selectAll('m')
    .select(['f.code as family_code', 'f.name as family_name'])
    .select(sql<number>`(select count(*)::int from unit u where u.model_id = m.id)`.as('units'))
    .orderBy('m.code');
  const brands = brandsOf(actor);
  if (brands) query = query.where('m.brand_id', 'in', brands.length ? brands : ['00000000-0000-0000-0000-000000000000']);
  if (q.brandId) query = query.where('m.brand_id', '=', q.brandId);
  const rows = await query.execute();
  return {
    items: rows.map((m) => ({
      id: m.id,
      brandId: m.brand_id,
      family: m.family_code && m.family_name ? { code: m.family_code, name: m.family_name } : null,
      code: m.code,
      name: m.name,
      identifiedBy: m.identified_by,
      serialPatterns: m.serial_patterns,
      lifecycle: m.lifecycle,
      endOfLifeOn: m.end_of_life_on,
      commercialWarrantyMonths: m.commercial_warranty_months,
      onsiteContractLevels: m.onsite_contract_levels,
      accessories: m.accessories,
      units: m.units,
    })),
  };
}

function check(input: ModelInput): void {
  const errors = modelProblems(input);
  if (errors.length) throw validationFailed(errors);
}

/** Adds (id null) or replaces a model (admins). A code is unique in its brand. */
export async function saveModel(db: Db, actor: Actor, id: string | null, input: ModelInput, now: Date) {
  assertAdmin(actor, 'Only an administrator edits the catalog');
  check(input);
  return db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('brand').select('id').where('id', '=', input.brandId).executeTakeFirst())) {
      throw validationFailed([{ field: 'brandId', code: 'invalid_value', message: 'no such brand' }]);
    }
    const clash = await trx.selectFrom('product_model').select('id').where('brand_id', '=', input.brandId).where('code', '=', input.code).executeTakeFirst();
    if (clash && clash.id !== id) throw new AppError('CATALOG_MODEL_CODE_TAKEN', 409, 'Another model of this brand has this code', { errors: [{ field: 'code', code: 'duplicate', message: 'another model of this brand has this code' }] });
    if (id) {
      const updated = await trx.updateTable('product_model').set(await modelValues(trx, input)).where('id', '=', id).returning('id').executeTakeFirst();
      if (!updated) throw notFound('CATALOG_MODEL_NOT_FOUND', 'Model');
      return { id };
    }
    return trx.insertInto('product_model').values({ ...(await modelValues(trx, input)), created_at: now }).returning('id').executeTakeFirstOrThrow();
  });
}

/** A model's row as stored, its family created on first use. */
async function modelValues(trx: Db, input: ModelInput) {
  const familyId = input.familyCode
    ? (
        await trx
          .insertInto('product_family')
          .values({ brand_id: input.brandId, code: input.familyCode, name: JSON.stringify({ en: input.familyCode }) })
          .onConflict((oc) => oc.columns(['brand_id', 'code']).doUpdateSet({ code: input.familyCode! }))
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    : null;
  return {
    brand_id: input.brandId,
    family_id: familyId,
    code: input.code,
    name: JSON.stringify(input.name),
    identified_by: input.identifiedBy,
    serial_patterns: input.serialPatterns,
    lifecycle: input.lifecycle,
    end_of_life_on: input.endOfLifeOn,
    commercial_warranty_months: input.commercialWarrantyMonths,
    onsite_contract_levels: input.onsiteContractLevels,
    accessories: JSON.stringify(input.accessories),
  };
}

/**
 * Adds or changes a model by its code (the products import): `created`, `updated`, or `unchanged`
 * when the file says what the store already holds. The input is checked by the caller.
 */
export async function upsertModelByCode(trx: Db, input: ModelInput, now: Date): Promise<'created' | 'updated' | 'unchanged'> {
  const values = await modelValues(trx, input);
  const row = await sql<{ created: boolean }>`
    insert into product_model (brand_id, family_id, code, name, identified_by, serial_patterns, lifecycle, end_of_life_on, commercial_warranty_months, onsite_contract_levels, accessories, created_at)
    values (${values.brand_id}, ${values.family_id}, ${values.code}, ${values.name}::jsonb, ${values.identified_by}, ${values.serial_patterns}::text[], ${values.lifecycle}, ${values.end_of_life_on},
      ${values.commercial_warranty_months}, ${values.onsite_contract_levels}::text[], ${values.accessories}::jsonb, ${now})
    on conflict (brand_id, code) do update set family_id = excluded.family_id, name = excluded.name, identified_by = excluded.identified_by,
      serial_patterns = excluded.serial_patterns, lifecycle = excluded.lifecycle, end_of_life_on = excluded.end_of_life_on,
      commercial_warranty_months = excluded.commercial_warranty_months, onsite_contract_levels = excluded.onsite_contract_levels, accessories = excluded.accessories
    where (product_model.family_id, product_model.name, product_model.identified_by, product_model.serial_patterns, product_model.lifecycle, product_model.end_of_life_on,
      product_model.commercial_warranty_months, product_model.onsite_contract_levels, product_model.accessories)
      is distinct from (excluded.family_id, excluded.name, excluded.identified_by, excluded.serial_patterns, excluded.lifecycle, excluded.end_of_life_on,
      excluded.commercial_warranty_months, excluded.onsite_contract_levels, excluded.accessories)
    returning (xmax = 0) as created`.execute(trx);
  const r = row.rows[0];
  return !r ? 'unchanged' : r.created ? 'created' : 'updated';
}

/** The problems of a model's input beyond its shape, as field errors (empty when none). */
export function modelProblems(input: ModelInput): FieldError[] {
  const errors: FieldError[] = [];
  input.serialPatterns.forEach((p, i) => {
    if (!isUsablePattern(p)) errors.push({ field: `serialPatterns.${i}`, code: 'invalid_format', message: 'is not a regular expression' });
  });
  if (input.lifecycle === 'end_of_life' && !input.endOfLifeOn) errors.push({ field: 'endOfLifeOn', code: 'required', message: 'an end-of-life model needs its date' });
  if (input.identifiedBy === 'serial' && input.serialPatterns.length === 0) errors.push({ field: 'serialPatterns', code: 'required', message: 'a model with serial plates needs at least one pattern' });
  return errors;
}

/** Spare parts of the desk's brands (optionally for one model): price, stock, reorder lead time. */
export async function listParts(db: Db, actor: Actor, q: { modelId?: string | undefined }) {
  staffOnly(actor);
  let query = db
    .selectFrom('spare_part as p')
    .selectAll('p')
    .select(sql<string[]>`coalesce((select array_agg(m.code order by m.code) from spare_part_model pm join product_model m on m.id = pm.model_id where pm.part_id = p.id), '{}')`.as('models'))
    .orderBy('p.reference');
  const brands = brandsOf(actor);
  if (brands) query = query.where('p.brand_id', 'in', brands.length ? brands : ['00000000-0000-0000-0000-000000000000']);
  if (q.modelId) query = query.where((eb) => eb.exists(eb.selectFrom('spare_part_model as pm').select('pm.part_id').whereRef('pm.part_id', '=', 'p.id').where('pm.model_id', '=', q.modelId!)));
  const rows = await query.execute();
  return {
    items: rows.map((p) => ({ id: p.id, brandId: p.brand_id, reference: p.reference, name: p.name, priceCents: p.price_cents, currency: p.currency, stockOnHand: p.stock_on_hand, reorderLeadDays: p.reorder_lead_days, models: p.models })),
  };
}

/**
 * Adds (id null) or replaces a spare part (admins): its reference is unique in its brand, and the
 * models using it are the brand's own, named by code (an unknown code is a field error).
 */
export async function savePart(db: Db, actor: Actor, id: string | null, input: PartInput) {
  assertAdmin(actor, 'Only an administrator edits the catalog');
  return db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('brand').select('id').where('id', '=', input.brandId).executeTakeFirst())) {
      throw validationFailed([{ field: 'brandId', code: 'invalid_value', message: 'no such brand' }]);
    }
    const codes = [...new Set(input.models.map((m) => m.trim().toUpperCase()).filter(Boolean))];
    const models = codes.length ? await trx.selectFrom('product_model').select(['id', 'code']).where('brand_id', '=', input.brandId).where(sql<string>`upper(code)`, 'in', codes).execute() : [];
    const unknown = codes.filter((c) => !models.some((m) => m.code.toUpperCase() === c));
    if (unknown.length) throw validationFailed([{ field: 'models', code: 'invalid_value', message: `no model ${unknown.join(', ')} in this brand` }]);
    const clash = await trx.selectFrom('spare_part').select('id').where('brand_id', '=', input.brandId).where('reference', '=', input.reference).executeTakeFirst();
    if (clash && clash.id !== id) throw new AppError('CATALOG_PART_REFERENCE_TAKEN', 409, 'Another part of this brand has this reference', { errors: [{ field: 'reference', code: 'duplicate', message: 'another part of this brand has this reference' }] });
    const values = { brand_id: input.brandId, reference: input.reference, name: JSON.stringify(input.name), price_cents: input.priceCents, currency: input.currency, stock_on_hand: input.stockOnHand, reorder_lead_days: input.reorderLeadDays };
    let partId: string;
    if (id) {
      const updated = await trx.updateTable('spare_part').set(values).where('id', '=', id).returning('id').executeTakeFirst();
      if (!updated) throw notFound('CATALOG_PART_NOT_FOUND', 'Part');
      partId = updated.id;
      await trx.deleteFrom('spare_part_model').where('part_id', '=', partId).execute();
    } else {
      partId = (await trx.insertInto('spare_part').values(values).returning('id').executeTakeFirstOrThrow()).id;
    }
    if (models.length) await trx.insertInto('spare_part_model').values(models.map((m) => ({ part_id: partId, model_id: m.id }))).execute();
    return { id: partId };
  });
}
