import type { Db } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/db/schema.ts';

export function findWording(db: Db, brandId: string, template: string, locale: string) {
  return db.selectFrom('mail_template').select(['subject', 'body']).where('brand_id', '=', brandId).where('template', '=', template).where('locale', '=', locale as Locale).executeTakeFirst();
}

export function listWordings(db: Db, brandId: string) {
  return db.selectFrom('mail_template').select(['template', 'locale', 'subject', 'body', 'updated_at']).where('brand_id', '=', brandId).execute();
}

export async function saveWording(db: Db, row: { brand_id: string; template: string; locale: Locale; subject: string; body: string; updated_at: Date; updated_by: string }) {
  const { subject, body, updated_at, updated_by } = row;
  await db.insertInto('mail_template').values(row).onConflict((oc) => oc.columns(['brand_id', 'template', 'locale']).doUpdateSet({ subject, body, updated_at, updated_by })).execute();
}

export async function deleteWording(db: Db, brandId: string, template: string, locale: Locale) {
  await db.deleteFrom('mail_template').where('brand_id', '=', brandId).where('template', '=', template).where('locale', '=', locale).execute();
}
