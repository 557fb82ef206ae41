import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';
import ro from './locales/ro.json';
import ru from './locales/ru.json';
import sv from './locales/sv.json';
import { ERROR_CODES, FIELD_ERROR_CODES } from './errors';
import {
  DELIVERY_STATUSES,
  ENTRY_KINDS,
  HOLIDAY_TYPES,
  INBOUND_REASONS,
  ROLES,
  SCHEDULE_CHANGE_REASONS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TIMER_KINDS,
  TIMER_STATES,
} from '../api/types';

type Tree = { [k: string]: string | Tree };
const catalogues: Record<string, Tree> = { en, fr, ro, ru, sv };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(catalogues).map(([l, t]) => [l, flatten(t)]));
const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translation catalogues', () => {
  const enKeys = baseKeys(flat.en!);

  it.each(['fr', 'ro', 'ru', 'sv'])('%s has exactly the keys of the English catalogue', (lng) => {
    expect([...baseKeys(flat[lng]!)].sort()).toEqual([...enKeys].sort());
  });

  it.each(Object.keys(catalogues))('%s has every plural form its language needs', (lng) => {
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    const plurals = new Set([...flat[lng]!.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const base of plurals) for (const c of categories) expect(flat[lng]!.has(`${base}_${c}`), `${lng} ${base}_${c}`).toBe(true);
  });

  it.each(['fr', 'ro', 'ru', 'sv'])('%s keeps the placeholders and is not an English copy', (lng) => {
    let same = 0;
    for (const [key, value] of flat[lng]!) {
      expect(value.trim(), key).not.toBe('');
      const enValue = flat.en!.get(key) ?? flat.en!.get(`${key.replace(PLURAL, '')}_other`) ?? '';
      expect(vars(value), `${lng} ${key}`).toEqual(vars(enValue));
      if (value === enValue) same++;
    }
    // Some words are the same in both languages (Status, Portal, Fax…), but not many.
    expect(same / flat[lng]!.size).toBeLessThan(0.08);
  });

  it('names every status, priority, channel, role, entry kind and error code', () => {
    const en = flat.en!;
    for (const s of TICKET_STATUSES) expect(en.has(`status.${s}`)).toBe(true);
    for (const p of TICKET_PRIORITIES) expect(en.has(`priority.${p}`)).toBe(true);
    for (const c of TICKET_CHANNELS) expect(en.has(`channel.${c}`)).toBe(true);
    for (const r of ROLES) expect(en.has(`role.${r}`)).toBe(true);
    for (const k of ENTRY_KINDS) expect(en.has(`entryKind.${k}`)).toBe(true);
    for (const c of ERROR_CODES) expect(en.has(`errors.codes.${c}`)).toBe(true);
    for (const c of FIELD_ERROR_CODES) expect(en.has(`errors.field.${c}`)).toBe(true);
  });

  it('names every quarantine reason and delivery status of the e-mail channel', () => {
    const en = flat.en!;
    for (const r of INBOUND_REASONS) {
      expect(en.has(`quarantine.reasons.${r}`), r).toBe(true);
      expect(en.has(`quarantine.reasonHelp.${r}`), r).toBe(true);
    }
    for (const s of DELIVERY_STATUSES) expect(en.has(`delivery.${s}`), s).toBe(true);
    for (const s of ['smtp', 'imap', 'api']) expect(en.has(`quarantine.source.${s}`)).toBe(true);
  });

  it('names every timer, timer state, schedule-change reason and holiday type of service levels', () => {
    const en = flat.en!;
    for (const k of TIMER_KINDS) expect(en.has(`sla.kind.${k}`), k).toBe(true);
    for (const s of [...TIMER_STATES, 'warning']) expect(en.has(`sla.state.${s}`), s).toBe(true);
    for (const r of SCHEDULE_CHANGE_REASONS) {
      expect(en.has(`sla.reason.${r}`), r).toBe(true);
      expect(en.has(`sla.reasonCustomer.${r}`), r).toBe(true);
    }
    for (const h of HOLIDAY_TYPES) expect(en.has(`calendars.holidayType.${h}`), h).toBe(true);
  });
});
