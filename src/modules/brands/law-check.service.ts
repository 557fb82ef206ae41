import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { type Actor, assertAdmin } from '../auth/index.ts';
import { LAW_FINDINGS, lawCheck } from '../warranty/index.ts';
import { toBrand } from './brand.service.ts';

export const LawCheckResponse = z.object({
  items: z.array(
    z.object({
      brandId: z.string(),
      brandName: z.string(),
      countries: z.array(z.string()),
      findings: z.array(z.object({ finding: z.enum(LAW_FINDINGS), country: z.string(), setting: z.string(), article: z.string() })),
    }),
  ),
});

/** Every brand's after-sales settings against the consumer law of the countries it sells to (admins). */
export async function lawCheckAll(db: Db, actor: Actor, now: Date): Promise<z.infer<typeof LawCheckResponse>> {
  assertAdmin(actor, 'Only an administrator reads the law check');
  const rows = await db.selectFrom('brand').selectAll().orderBy('name').execute();
  return {
    items: rows.map((row) => {
      const brand = toBrand(row);
      const policy = brand.settings.afterSales;
      const countries = policy.countriesOfSale.length ? policy.countriesOfSale : [brand.country];
      const today = DateTime.fromJSDate(now, { zone: brand.timeZone }).toISODate()!;
      return { brandId: brand.id, brandName: brand.name, countries, findings: lawCheck(policy, countries, today) };
    }),
  };
}
