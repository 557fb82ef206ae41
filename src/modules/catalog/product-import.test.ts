import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { TEST_NOW } from '../../test/clock.ts';
import { describeStores } from '../../test/db.ts';
import { importProducts } from './product-import.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-products-'));
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const HEADER = 'code;family;name_fr;name_en;identified_by;serial_patterns;lifecycle;end_of_life_on;commercial_warranty_months;onsite_contract_levels;accessories';

/** Issue 11, item 3: the catalog from a products export, all or nothing, the same file twice changing nothing. */
describeStores('importing products', (ctx) => {
  const opts = { brandSlug: 'smart-id', now: TEST_NOW };

  it('imports a windows-1252 export with accessories and an end of life, and changes nothing the second time', async () => {
    const { db, store } = ctx();
    const csv = `${HEADER}\r\nSM-${store}-1;HANDHELD;Terminal durci SM-1;Rugged handheld SM-1;serial;^SM1-\\d{6}$;end_of_life;2026-06-30;24;gold|silver;battery:Batterie|cradle:Socle de chargement\r\nLIC-${store};;Licence MDM;MDM licence;licence_key;;active;;;;\r\n`;
    const file = write(`products-${store}.csv`, iconv.encode(csv, 'windows-1252'));
    expect(await importProducts(db, file, opts)).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, rolledBack: false });
    const m = await db.selectFrom('product_model').selectAll().where('code', '=', `SM-${store}-1`).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ lifecycle: 'end_of_life', end_of_life_on: '2026-06-30', commercial_warranty_months: 24, serial_patterns: ['^SM1-\\d{6}$'], onsite_contract_levels: ['gold', 'silver'] });
    expect(m.name).toEqual({ fr: 'Terminal durci SM-1', en: 'Rugged handheld SM-1' });
    expect(m.accessories).toEqual([
      { key: 'battery', name: { ro: 'Batterie' } },
      { key: 'cradle', name: { ro: 'Socle de chargement' } },
    ]);
    expect(await importProducts(db, file, opts)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = write(`products2-${store}.csv`, `${HEADER}\nSM-${store}-1;HANDHELD;Terminal durci SM-1;Rugged handheld SM-1;serial;^SM1-\\d{6}$;end_of_life;2026-06-30;36;gold|silver;battery:Batterie|cradle:Socle de chargement\n`);
    expect(await importProducts(db, changed, opts)).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
  });

  it('refuses the whole file with every problem named by line and column', async () => {
    const { db, store } = ctx();
    const file = write(
      `broken-${store}.csv`,
      [HEADER, `BAD-${store}-1;;Un;One;serial;;active;;;;`, `BAD-${store}-2;;Deux;Two;serial;(unclosed;end_of_life;;;;`, `BAD-${store}-3;;Trois;Three;serial;^X$;active;;forever;;`, `BAD-${store}-1;;Un;One;serial;^X$;active;;;;`, `OK-${store};;Bon;Good;serial;^OK$;active;;;;`].join('\n'),
    );
    const report = await importProducts(db, file, opts);
    expect(report.rolledBack).toBe(true);
    expect(report.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'serial_patterns'],
      [3, 'serial_patterns'],
      [3, 'end_of_life_on'],
      [4, 'commercial_warranty_months'],
      [5, 'code'],
    ]);
    expect(await db.selectFrom('product_model').select('code').where('code', 'like', `%-${store}%`).where('code', 'not like', 'SM-%').where('code', 'not like', 'LIC-%').execute()).toEqual([]);
    await expect(importProducts(db, write(`nocode-${store}.csv`, 'name_fr;family\nX;Y\n'), opts)).rejects.toThrow(/missing column: code/);
  });
});
