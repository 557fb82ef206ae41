import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SlaTimer } from '../../api/types';
import { resources } from '../../i18n';
import { describeSkipped, explainTimer, formatDue, formatDuration, formatLeft, listSkipped } from './sla-format';

let t: TFunction;
let tFr: TFunction;
let tRu: TFunction;
let tRo: TFunction;
let tSv: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
  t = i18n.getFixedT('en');
  tFr = i18n.getFixedT('fr');
  tRu = i18n.getFixedT('ru');
  tRo = i18n.getFixedT('ro');
  tSv = i18n.getFixedT('sv');
});

const NOW = new Date('2026-11-20T09:00:00Z');

function timer(patch: Partial<SlaTimer> = {}, explanation: Partial<SlaTimer['explanation']> = {}): SlaTimer {
  return {
    kind: 'first_response',
    state: 'running',
    warning: false,
    targetMinutes: 2880,
    startedAt: '2026-11-19T09:00:00Z',
    dueAt: '2026-11-24T11:30:00Z',
    stoppedAt: null,
    workingMinutesLeft: 200,
    explanation: {
      policyName: 'Обработка 48 часов',
      calendarName: 'Processing',
      timeZone: 'Europe/Moscow',
      clockStart: 'accepted',
      targetMinutes: 2880,
      startedAt: '2026-11-19T09:00:00Z',
      adjusted: [],
      skipped: [],
      pauses: [],
      rescheduled: null,
      ...explanation,
    },
    ...patch,
  };
}

describe('durations', () => {
  it('reads working time in hours and minutes', () => {
    expect(formatDuration(t, 200)).toBe('3 h 20 min');
    expect(formatDuration(t, 65)).toBe('1 h 05 min');
    expect(formatDuration(t, 45)).toBe('45 min');
    expect(formatDuration(t, 2880)).toBe('48 h');
    expect(formatDuration(t, 3000, { days: true })).toBe('2 d 2 h');
  });

  it('says how much is left, or by how much it is late', () => {
    expect(formatLeft(t, 200)).toBe('3 h 20 min working time left');
    expect(formatLeft(t, -65)).toBe('Overdue by 1 h 05 min');
    expect(formatLeft(tRu, -65)).toBe('Просрочено на 1 ч 05 мин');
  });
});

describe('closed days', () => {
  it('names a single weekend by its dates and a holiday by its date and name', () => {
    const list = describeSkipped(
      t,
      [
        { from: '2026-11-04', to: '2026-11-04', reason: 'holiday', name: 'Unity Day' },
        { from: '2026-11-07', to: '2026-11-08', reason: 'weekend' },
      ],
      'en',
    );
    expect(list).toEqual(['the weekend of 7–8 Nov'.replace('–', '\u2009–\u2009'), '4 Nov (Unity Day)']);
  });

  it('counts several weekends instead of repeating them, and shows a holiday range', () => {
    const list = describeSkipped(
      t,
      [
        { from: '2026-11-28', to: '2026-11-29', reason: 'weekend' },
        { from: '2026-12-05', to: '2026-12-06', reason: 'weekend' },
        { from: '2027-01-01', to: '2027-01-08', reason: 'holiday', name: 'New Year holidays' },
        { from: '2026-12-16', to: '2026-12-16', reason: 'closure', name: 'Inventory' },
      ],
      'en',
    );
    expect(list[0]).toBe('2 weekends');
    expect(list[1]).toMatch(/^1\s*–\s*8 Jan \(New Year holidays\)$/);
    expect(list[2]).toBe('16 Dec (closure: Inventory)');
  });

  // The counted time began on Sunday 29 Nov (a weekend cut short), then three whole weekends (issue 8).
  const cutAndThree = [
    { from: '2026-11-29', to: '2026-11-29', reason: 'weekend', partial: true as const },
    { from: '2026-12-05', to: '2026-12-06', reason: 'weekend' },
    { from: '2026-12-12', to: '2026-12-13', reason: 'weekend' },
    { from: '2026-12-19', to: '2026-12-20', reason: 'weekend' },
  ];

  it('says a weekend cut short by its day and counts the whole ones, in each language with its grammar', () => {
    const said = (tf: TFunction, locale: 'en' | 'fr' | 'ro' | 'ru' | 'sv') => tf('sla.explain.skipping', { list: new Intl.ListFormat(locale, { type: 'conjunction' }).format(describeSkipped(tf, cutAndThree, locale)) });
    expect(said(t, 'en')).toBe('skipping Sunday 29 Nov and 3 weekends');
    expect(said(tFr, 'fr')).toBe('sans compter le dimanche 29 nov. et 3 week-ends');
    expect(said(tRo, 'ro')).toBe('fără duminica din 29 nov. și 3 weekenduri');
    expect(said(tRu, 'ru')).toBe('без учёта воскресенья 29 нояб. и выходных 3 недель');
    expect(said(tSv, 'sv')).toBe('utan söndag 29 nov. och 3 helger');
    // Russian: one week, genitive singular; Romanian: twenty and more take "de".
    const weekends = (n: number) => Array.from({ length: n }, (_, i) => ({ from: `2027-${String(1 + Math.floor(i / 4)).padStart(2, '0')}-0${1 + (i % 4)}`, to: `2027-${String(1 + Math.floor(i / 4)).padStart(2, '0')}-0${1 + (i % 4)}`, reason: 'weekend' }));
    expect(describeSkipped(tRu, [...weekends(21)], 'ru').at(-1)).toBe('выходных 21 недели');
    expect(describeSkipped(tRo, [...weekends(20)], 'ro').at(-1)).toBe('20 de weekenduri');
    // Several days of a weekend cut short keep their weekdays.
    expect(describeSkipped(t, [{ from: '2026-11-28', to: '2026-11-29', reason: 'weekend', partial: true }], 'en')).toEqual(['Sat 28 Nov\u2009–\u2009Sun 29 Nov']);
  });

  it('lists each range with its weekdays for the preview', () => {
    const lines = listSkipped(t, [{ from: '2026-12-16', to: '2026-12-16', reason: 'closure', name: 'Inventory' }], 'en');
    expect(lines).toEqual(['Wed 16 Dec: closure (Inventory)']);
  });
});

describe('the explanation of a timer', () => {
  it('says when it is due in the zone, the target, from when, and what was skipped', () => {
    const s = explainTimer(
      t,
      timer({}, { skipped: [{ from: '2026-11-21', to: '2026-11-22', reason: 'weekend' }, { from: '2026-11-04', to: '2026-11-04', reason: 'holiday', name: 'Unity Day' }] }),
      'en',
      { now: NOW },
    );
    expect(s).toBe('Due Tue 24 Nov, 14:30 (Moscow Standard Time): 48 working hours from acceptance; skipping the weekend of 21\u2009–\u200922 Nov and 4 Nov (Unity Day)');
  });

  it('adds the time spent paused, per status', () => {
    const s = explainTimer(
      t,
      timer({}, { pauses: [{ from: '2026-11-20T10:00:00Z', to: '2026-11-20T12:10:00Z', status: 'waiting_customer' }] }),
      'en',
      { now: NOW },
    );
    expect(s).toContain('paused 2 h 10 min while “Waiting for customer”');
  });

  it('puts a planned date first, with its reason and the date it replaced', () => {
    const s = explainTimer(
      t,
      timer({ kind: 'resolution' }, { rescheduled: { reason: 'deeper_diagnosis', previousDueAt: '2026-11-20T15:00:00Z' } }),
      'en',
      { now: NOW },
    );
    expect(s).toMatch(/^Due Tue 24 Nov, 14:30 \(Moscow Standard Time\): date planned by the desk \(Needs a detailed diagnosis or a product update\), previously due Fri 20 Nov, 18:00; /);
  });

  it('tells a met timer by when it was met, and a pending one by what starts it', () => {
    expect(explainTimer(t, timer({ state: 'met', dueAt: null, stoppedAt: '2026-11-19T10:00:00Z', workingMinutesLeft: null }), 'en', { now: NOW })).toMatch(/^Met Thu 19 Nov, 13:00/);
    expect(explainTimer(t, timer({ state: 'pending', dueAt: null, startedAt: null, workingMinutesLeft: null }), 'en', { now: NOW })).toBe(
      'Starts when the ticket is accepted: 48 working hours from acceptance',
    );
  });

  it('is written in the reader’s language, dates included', () => {
    const s = explainTimer(tFr, timer({}, { skipped: [{ from: '2026-11-21', to: '2026-11-22', reason: 'weekend' }] }), 'fr', { now: NOW });
    expect(s).toMatch(/^Échéance mar\. 24 nov\., 14:30 \(.+Moscou\) : 48 heures ouvrées depuis l’acceptation ; sans compter le week-end du 21\s*–\s*22 nov\.$/);
  });

  it('writes minutes that are not whole hours as a duration', () => {
    const s = explainTimer(t, timer({}, { targetMinutes: 525, clockStart: 'created' }), 'en', { now: NOW });
    expect(s).toContain('8 h 45 min of working time from creation');
  });
});

describe('due times', () => {
  it('reads midnight as 24:00 of the day before', () => {
    expect(formatDue('2026-12-11T21:00:00Z', 'en', 'Europe/Moscow', NOW)).toBe('Fri 11 Dec, 24:00');
    expect(formatDue('2026-12-11T21:00:00Z', 'ru', 'Europe/Moscow', NOW)).toBe('пт, 11 дек., 24:00');
    expect(formatDue('2026-12-11T20:59:00Z', 'en', 'Europe/Moscow', NOW)).toBe('Fri 11 Dec, 23:59');
  });

  it('adds the year only when it is not this one', () => {
    expect(formatDue('2027-01-11T09:00:00Z', 'en', 'Europe/Paris', NOW)).toBe('Mon, 11 Jan 2027, 10:00');
  });
});
