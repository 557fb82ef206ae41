import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { AppError, type FieldError, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { openDocument, takeUpload } from '../attachments/index.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { isIsoDate } from '../warranty/index.ts';
import { getUnit, warrantiesFor } from './unit.service.ts';
import { unitVisibleTo } from './unit-visibility.ts';

/** What a customer may send as proof of purchase: an invoice or a receipt, scanned or photographed. */
export const PROOF_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;

export interface RegisterUnitInput {
  brandId: string;
  serial: string;
  purchasedOn: string;
  deliveredOn?: string | null | undefined;
  condition?: 'new' | 'refurbished' | 'second_hand' | undefined;
  proofAttachmentId: string;
}

const unitNotFound = () => notFound('UNIT_NOT_FOUND', 'Unit');

/** The brand's model whose serial pattern matches this whole serial (or licence key), if any. */
async function modelOfSerial(db: Db, brandId: string, serial: string) {
  const models = await db.selectFrom('product_model').select(['id', 'code', 'identified_by', 'serial_patterns']).where('brand_id', '=', brandId).orderBy('code').execute();
  return models.find((m) =>
    m.serial_patterns.some((p) => {
      try {
        return new RegExp(`^(?:${p.replace(/^\^/, '').replace(/\$$/, '')})$`, 'iu').test(serial);
      } catch {
        return false;
      }
    }),
  );
}

/**
 * A customer registers a product they own from the portal, with its proof of purchase (an upload
 * of theirs: a PDF or a photo). The model is found from the serial by the brand's patterns; the
 * unit waits for an agent to check the proof, and until then its warranty asks for it. A serial
 * the store already knows — sold with an order, or registered by someone else — is refused; the
 * owner may send a new proof after a refusal.
 */
export async function registerUnit(db: Db, actor: Actor, input: RegisterUnitInput, today: string, now: Date) {
  if (actor.role !== 'customer') throw new AppError('FORBIDDEN', 403, 'Customers register their own products');
  if (!actor.brandIds.includes(input.brandId)) throw notFound('BRAND_NOT_FOUND', 'Brand');
  const serial = input.serial.trim();
  const errors: FieldError[] = [];
  const model = await modelOfSerial(db, input.brandId, serial);
  if (!model) errors.push({ field: 'serial', code: 'unknown_serial', message: "matches none of this brand's products: check the number on the plate or the licence" });
  for (const [field, v] of [
    ['purchasedOn', input.purchasedOn],
    ['deliveredOn', input.deliveredOn ?? null],
  ] as const) {
    if (v === null) continue;
    if (!isIsoDate(v)) errors.push({ field, code: 'invalid_format', message: 'must be a date YYYY-MM-DD' });
    else if (v > today) errors.push({ field, code: 'in_future', message: `is after today (${today})` });
  }
  if (input.deliveredOn && isIsoDate(input.deliveredOn) && input.deliveredOn < input.purchasedOn) errors.push({ field: 'deliveredOn', code: 'invalid_value', message: 'is before the purchase' });
  const key = model?.identified_by === 'licence_key' ? 'licence_key' : 'serial';
  if (serial.length > (key === 'serial' ? 100 : 200)) errors.push({ field: 'serial', code: 'too_big', message: `must be at most ${key === 'serial' ? 100 : 200} characters` });
  if (errors.length) throw validationFailed(errors);
  const proof = await takeUpload(db, actor, input.proofAttachmentId, PROOF_TYPES, 'proofAttachmentId');
  const alreadyRegistered = () =>
    new AppError('UNIT_ALREADY_REGISTERED', 409, 'This product is already registered', {
      errors: [{ field: 'serial', code: 'duplicate', message: 'this product is already registered: if it is yours, write to the after-sales service' }],
    });
  const unitId = await db.transaction().execute(async (trx) => {
    const brand = await trx.selectFrom('brand').select('country').where('id', '=', input.brandId).executeTakeFirstOrThrow();
    // The same serial whatever its case, and whether a shop wrote it as a serial or a licence key.
    const existing = await trx
      .selectFrom('unit')
      .select(['id', 'owner_id', 'order_line_id', 'proof_status'])
      .where('model_id', '=', model!.id)
      .where(sql<string>`upper(coalesce(serial, licence_key))`, '=', serial.toUpperCase())
      .forUpdate()
      .executeTakeFirst();
    if (existing && (existing.owner_id !== actor.userId || existing.order_line_id !== null || existing.proof_status === 'validated' || existing.proof_status === 'uploaded')) throw alreadyRegistered();
    const values = { purchased_on: input.purchasedOn, delivered_on: input.deliveredOn ?? null, condition: input.condition ?? 'new', proof_status: 'uploaded' as const, proof_attachment_id: proof.id };
    const id = existing
      ? (await trx.updateTable('unit').set(values).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
      : (
          await trx
            .insertInto('unit')
            .values({ brand_id: input.brandId, model_id: model!.id, [key]: serial, owner_id: actor.userId, country_of_sale: brand.country, buyer: 'consumer', created_at: now, ...values })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    await trx
      .insertInto('unit_event')
      .values([
        ...(existing ? [] : [{ unit_id: id, at: now, kind: 'registered' as const, actor_id: actor.userId, data: '{}' }]),
        { unit_id: id, at: now, kind: 'proof_uploaded' as const, actor_id: actor.userId, data: JSON.stringify({ filename: proof.filename }) },
      ])
      .execute();
    return id;
  }).catch((err: unknown) => {
    // Two registrations of the same new serial at once: the second finds it taken.
    if ((err as { code?: string }).code === '23505') throw alreadyRegistered();
    throw err;
  });
  return getUnit(db, actor, unitId);
}

/** The proofs of purchase the desk has to check, oldest first (agents and admins of the brands). */
export async function proofsToCheck(db: Db, actor: Actor) {
  if (!isStaff(actor) || actor.role === 'technician') throw new AppError('FORBIDDEN', 403, 'The desk checks proofs of purchase');
  const rows = await db
    .selectFrom('unit as u')
    .innerJoin('product_model as m', 'm.id', 'u.model_id')
    .innerJoin('brand as b', 'b.id', 'u.brand_id')
    .leftJoin('app_user as o', 'o.id', 'u.owner_id')
    .select(['u.id', 'u.serial', 'u.licence_key', 'u.purchased_on', 'u.delivered_on', 'u.created_at', 'm.code as model_code', 'm.name as model_name', 'b.name as brand_name', 'o.name as owner_name', 'o.email as owner_email'])
    .select((eb) => eb.selectFrom('unit_event as e').select(sql<Date>`max(e.at)`.as('at')).whereRef('e.unit_id', '=', 'u.id').where('e.kind', '=', 'proof_uploaded').as('uploaded_at'))
    .where('u.proof_status', '=', 'uploaded')
    .where(unitVisibleTo(actor))
    .orderBy('u.created_at')
    .limit(200)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      serial: r.serial ?? r.licence_key ?? '',
      model: { code: r.model_code, name: r.model_name as Record<string, string> },
      brandName: r.brand_name,
      owner: { name: r.owner_name ?? '', email: r.owner_email ?? '' },
      purchasedOn: r.purchased_on,
      deliveredOn: r.delivered_on,
      uploadedAt: (r.uploaded_at ?? r.created_at).toISOString(),
    })),
  };
}

/**
 * An agent accepts or refuses a customer's proof of purchase. Accepted, the warranty runs from the
 * dates the customer gave (the agent may correct them from the document); refused, the customer
 * is asked again, with the reason.
 */
export async function decideProof(db: Db, actor: Actor, unitId: string, input: { decision: 'validated' | 'rejected'; reason?: string | undefined; purchasedOn?: string | undefined; deliveredOn?: string | null | undefined }, today: string, now: Date) {
  const unit = await db.selectFrom('unit as u').select(['u.id', 'u.proof_status', 'u.purchased_on', 'u.delivered_on']).where('u.id', '=', unitId).where(unitVisibleTo(actor)).executeTakeFirst();
  if (!unit) throw unitNotFound();
  if (!isStaff(actor) || actor.role === 'technician') throw new AppError('FORBIDDEN', 403, 'The desk checks proofs of purchase');
  if (unit.proof_status !== 'uploaded') throw new AppError('UNIT_PROOF_NOT_PENDING', 409, 'No proof of purchase waits for a decision on this unit');
  if (input.decision === 'rejected' && !input.reason?.trim()) throw validationFailed([{ field: 'reason', code: 'required', message: 'say why, so the customer can send the right document' }]);
  const errors: FieldError[] = [];
  for (const [field, v] of [
    ['purchasedOn', input.purchasedOn ?? null],
    ['deliveredOn', input.deliveredOn ?? null],
  ] as const) {
    if (v === null) continue;
    if (!isIsoDate(v)) errors.push({ field, code: 'invalid_format', message: 'must be a date YYYY-MM-DD' });
    else if (v > today) errors.push({ field, code: 'in_future', message: `is after today (${today})` });
  }
  const purchasedOn = input.purchasedOn ?? unit.purchased_on;
  const deliveredOn = input.deliveredOn !== undefined ? input.deliveredOn : unit.delivered_on;
  if (!errors.length && deliveredOn && purchasedOn && deliveredOn < purchasedOn) errors.push({ field: input.deliveredOn ? 'deliveredOn' : 'purchasedOn', code: 'invalid_value', message: 'the delivery is before the purchase' });
  if (errors.length) throw validationFailed(errors);
  await db.transaction().execute(async (trx) => {
    // Two agents deciding at once: the second finds the proof decided.
    const decided = await trx
      .updateTable('unit')
      .set({ proof_status: input.decision, ...(input.purchasedOn ? { purchased_on: input.purchasedOn } : {}), ...(input.deliveredOn !== undefined ? { delivered_on: input.deliveredOn } : {}) })
      .where('id', '=', unit.id)
      .where('proof_status', '=', 'uploaded')
      .returning('id')
      .executeTakeFirst();
    if (!decided) throw new AppError('UNIT_PROOF_NOT_PENDING', 409, 'No proof of purchase waits for a decision on this unit');
    await trx
      .insertInto('unit_event')
      .values({ unit_id: unit.id, at: now, kind: input.decision === 'validated' ? 'proof_validated' : 'proof_rejected', actor_id: actor.userId, data: JSON.stringify(input.reason ? { reason: input.reason.trim() } : {}) })
      .execute();
  });
  return getUnit(db, actor, unit.id);
}

/** The proof of purchase a customer sent for a unit, for its owner and the brand's staff. */
export async function openProof(db: Db, files: FileStore, actor: Actor, unitId: string) {
  const unit = await db.selectFrom('unit as u').select(['u.proof_attachment_id', 'u.owner_id']).where('u.id', '=', unitId).where(unitVisibleTo(actor)).executeTakeFirst();
  // A customer's receipt is theirs and the brand's: the reseller that sold the unit does not see it.
  if (!unit?.proof_attachment_id || (!isStaff(actor) && unit.owner_id !== actor.userId)) throw unitNotFound();
  return openDocument(db, files, unit.proof_attachment_id);
}

/**
 * The products a customer registered (units known without an order), newest first, each with its
 * proof's state and what it is owed today — the portal lists them under "My orders".
 */
export async function registeredUnits(db: Db, actor: Actor, now: Date) {
  const rows = await db
    .selectFrom('unit as u')
    .innerJoin('product_model as m', 'm.id', 'u.model_id')
    .innerJoin('brand as b', 'b.id', 'u.brand_id')
    .select(['u.id', 'u.serial', 'u.licence_key', 'u.proof_status', 'u.purchased_on', 'm.code as model_code', 'm.name as model_name', 'b.name as brand_name'])
    .where('u.order_line_id', 'is', null)
    .where(unitVisibleTo(actor))
    .orderBy('u.created_at', 'desc')
    .limit(100)
    .execute();
  const warranties = await warrantiesFor(db, actor, rows.map((r) => r.id), now);
  const rejections = rows.length
    ? await db.selectFrom('unit_event').select(['unit_id', 'data']).where('unit_id', 'in', rows.map((r) => r.id)).where('kind', '=', 'proof_rejected').orderBy('at', 'desc').execute()
    : [];
  return {
    items: rows.map((r) => {
      const w = warranties.get(r.id)!.warranty;
      const rejected = rejections.find((e) => e.unit_id === r.id)?.data as { reason?: string } | undefined;
      return {
        id: r.id,
        serial: r.serial ?? r.licence_key ?? '',
        model: { code: r.model_code, name: r.model_name as Record<string, string> },
        brandName: r.brand_name,
        proofStatus: r.proof_status,
        refusedBecause: r.proof_status === 'rejected' ? (rejected?.reason ?? null) : null,
        purchasedOn: r.purchased_on,
        warranty: { outcome: w.outcome, rule: w.rule, endsOn: w.coverage?.endsOn ?? null, blockedUntil: w.blockedUntil },
      };
    }),
  };
}
