import { CsvFileError, readCsv } from '../../platform/csv/csv-source.ts';
import type { Db } from '../../platform/db/database.ts';
import { LOCALES } from '../../shared/vocabulary.ts';
import { ModelBody } from './catalog.schemas.ts';
import { modelProblems, upsertModelByCode } from './catalog.service.ts';

/**
 * A products export, one model per row. Columns (header names case-insensitive):
 *
 *   code, family, name_fr, name_en, name_ro, name_ru, name_sv (at least one), identified_by
 *   (serial | licence_key), serial_patterns, lifecycle (active | end_of_life), end_of_life_on,
 *   commercial_warranty_months (empty: none), onsite_contract_levels, accessories
 *
 * Lists are separated by "|"; an accessory is `key:name` in the brand's language
 * ("battery:Batterie|cradle:Socle de charge").
 */
const NAME_COLUMNS = LOCALES.map((l) => `name_${l}`);
const KNOWN = ['code', 'family', ...NAME_COLUMNS, 'identified_by', 'serial_patterns', 'lifecycle', 'end_of_life_on', 'commercial_warranty_months', 'onsite_contract_levels', 'accessories'];
/** The file's column for each field of the model. */
const COLUMN_OF: Record<string, string> = {
  code: 'code',
  familyCode: 'family',
  identifiedBy: 'identified_by',
  serialPatterns: 'serial_patterns',
  lifecycle: 'lifecycle',
  endOfLifeOn: 'end_of_life_on',
  commercialWarrantyMonths: 'commercial_warranty_months',
  onsiteContractLevels: 'onsite_contract_levels',
  accessories: 'accessories',
};

export interface ProductProblem {
  line: number;
  column: string;
  message: string;
}

export interface ProductImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ProductProblem[];
  rolledBack: boolean;
}

class Rollback extends Error {}

const list = (v: string) =>
  v
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

/** Imports a products export into a brand's catalog, in one transaction: all of it, or nothing with every problem listed. */
export async function importProducts(db: Db, file: string, opts: { brandSlug: string; now: Date; onProgress?: (p: { rows: number; bytesRead: number }) => void }): Promise<ProductImportReport> {
  const report: ProductImportReport = { rows: 0, created: 0, updated: 0, unchanged: 0, problems: [], rolledBack: false };
  const brand = await db.selectFrom('brand').select(['id', 'default_locale']).where('slug', '=', opts.brandSlug).executeTakeFirst();
  if (!brand) throw new CsvFileError(`no brand "${opts.brandSlug}" (see the brands' slugs in the admin pages)`);
  const seen = new Map<string, number>();
  try {
    await db.transaction().execute(async (trx) => {
      const records = readCsv(file, {
        onBytes: (bytesRead) => opts.onProgress?.({ rows: report.rows, bytesRead }),
        onHeader: (columns) => {
          if (!columns.includes('code')) throw new CsvFileError(`missing column: code (columns found: ${columns.join(', ')})`);
          if (!columns.some((c) => NAME_COLUMNS.includes(c))) throw new CsvFileError(`missing column: one of ${NAME_COLUMNS.join(', ')}`);
          const unknown = columns.filter((c) => !KNOWN.includes(c));
          if (unknown.length) throw new CsvFileError(`unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (known: ${KNOWN.join(', ')})`);
        },
      });
      for await (const rec of records) {
        report.rows++;
        const v = (c: string) => (rec.values[c] ?? '').trim();
        const problem = (column: string, message: string) => report.problems.push({ line: rec.line, column, message });
        const name = Object.fromEntries(LOCALES.filter((l) => v(`name_${l}`)).map((l) => [l, v(`name_${l}`)]));
        const months = v('commercial_warranty_months');
        const accessories = list(v('accessories')).map((a) => {
          const [key, ...rest] = a.split(':');
          return { key: key!.trim(), name: { [brand.default_locale]: rest.join(':').trim() || key!.trim() } };
        });
        const parsed = ModelBody.safeParse({
          brandId: brand.id,
          familyCode: v('family') || null,
          code: v('code'),
          name,
          identifiedBy: v('identified_by') || 'serial',
          serialPatterns: list(v('serial_patterns')),
          lifecycle: v('lifecycle') || 'active',
          endOfLifeOn: v('end_of_life_on') || null,
          commercialWarrantyMonths: months === '' ? null : Number(months),
          onsiteContractLevels: list(v('onsite_contract_levels')),
          accessories,
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? '');
            problem(field === 'name' ? NAME_COLUMNS.join('/') : (COLUMN_OF[field] ?? field), issue.message);
          }
          continue;
        }
        const more = modelProblems(parsed.data);
        for (const p of more) problem(COLUMN_OF[p.field.split('.')[0]!] ?? p.field, p.message);
        const code = parsed.data.code.toUpperCase();
        if (seen.has(code)) problem('code', `model ${parsed.data.code} is also on line ${seen.get(code)}`);
        else seen.set(code, rec.line);
        if (more.length || report.problems.length) continue;
        report[await upsertModelByCode(trx, parsed.data, opts.now)]++;
      }
      if (report.rows === 0) throw new CsvFileError('the file has a header line and no rows');
      if (report.problems.length) throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    report.rolledBack = true;
    report.created = report.updated = report.unchanged = 0;
  }
  return report;
}
