import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock.ts';
import { describeStores } from '../../../test/db.ts';
import { importUnits } from './unit-import.ts';

const TODAY = TEST_NOW.toISOString().slice(0, 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-units-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

/** Issue 11, item 3: an installed base without orders — units and licences, upserted, refused whole when wrong. */
describeStores('importing units', (ctx) => {
  const opts = { brandSlug: 'eiler', today: TODAY, now: TEST_NOW };

  it('imports licences and their owners, and the same file again changes nothing', async () => {
    const { database, db, store } = ctx();
    const file = write(`units-${store}.csv`, `\ufeffmodel;licence_key;country;owner_email;owner_name;purchased_on;buyer\nEILER-5;EIL-${store}-0001;RU;base.${store}@example.ru;Пётр Иванов;01.02.2025;business\nEILER-5;EIL-${store}-0002;RU;base.${store}@example.ru;Пётр Иванов;2025-02-01;business\n`);
    expect(await importUnits(database, file, opts)).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, rolledBack: false });
    const u = await db.selectFrom('unit as u').innerJoin('app_user as o', 'o.id', 'u.owner_id').select(['u.serial', 'u.licence_key', 'u.purchased_on', 'u.buyer', 'o.name']).where('u.licence_key', '=', `EIL-${store}-0001`).executeTakeFirstOrThrow();
    expect(u).toEqual({ serial: null, licence_key: `EIL-${store}-0001`, purchased_on: '2025-02-01', buyer: 'business', name: 'Пётр Иванов' });
    expect(await importUnits(database, file, opts)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses a unit twice, a unit sold with an order, another owner’s unit and a broken row, importing nothing', async () => {
    const { database, db, store } = ctx();
    const file = write(
      `units-bad-${store}.csv`,
      [
        'model;licence_key;country;owner_email;delivered_on',
        `EILER-5;EIL-${store}-0009;RU;x.${store}@example.ru;2025-03-01`,
        `EILER-5;EIL-${store}-0009;RU;x.${store}@example.ru;2025-03-01`,
        `EILER-5;EIL-5521-8830;RU;x.${store}@example.ru;`,
        `EILER-5;EIL-${store}-0001;RU;someone.else@example.ru;`,
        `NOPE;X;Russia;not-mail;2099-01-01`,
      ].join('\n'),
    );
    const report = await importUnits(database, file, opts);
    expect(report.rolledBack).toBe(true);
    expect(report.problems).toEqual([
      { line: 3, column: 'licence_key', message: `unit EIL-${store}-0009 is also on line 2` },
      { line: 4, column: 'licence_key', message: 'unit EIL-5521-8830 came with an order: import it with the orders' },
      { line: 5, column: 'licence_key', message: `unit EIL-${store}-0001 belongs to another owner` },
      { line: 6, column: 'model', message: 'no model "NOPE" in this brand\'s catalog' },
      { line: 6, column: 'serial', message: 'is empty' },
      { line: 6, column: 'country', message: '"Russia" is not a two-letter country code (FR, RO, SE…)' },
      { line: 6, column: 'owner_email', message: '"not-mail" is not an e-mail address' },
      { line: 6, column: 'delivered_on', message: `2099-01-01 is after today (${TODAY})` },
    ]);
    expect(await db.selectFrom('unit').select('id').where('licence_key', '=', `EIL-${store}-0009`).execute()).toEqual([]);
  });
});
