import { describe, expect, it } from 'vitest';
import { dateParts, translator } from './i18n.ts';

describe('schedule-change sentence', () => {
  const at = new Date('2026-06-12T11:00:00Z');
  const sentence = (locale: string, timeZone: string) => translator(locale)('sla.schedule.body', { number: 'X-1', reason: 'r', ...dateParts(at, locale, timeZone) }).split('\n')[0];

  it('words the weekday in a case each language can take after its preposition', () => {
    expect(sentence('ru', 'Europe/Moscow')).toBe('Решение вашей заявки X-1 теперь запланировано на 12 июня 2026 г. (пятница), 14:00 (Москва, стандартное время).');
    expect(sentence('fr', 'Europe/Paris')).toBe('La résolution de votre demande X-1 est désormais prévue le vendredi 12 juin 2026 à 13:00 (heure d’Europe centrale).');
    expect(sentence('ro', 'Europe/Bucharest')).toBe('Rezolvarea cererii dumneavoastră X-1 este acum planificată pentru vineri, 12 iunie 2026, ora 14:00 (Ora Europei de Est).');
    expect(sentence('sv', 'Europe/Stockholm')).toBe('Lösningen av ditt ärende X-1 är nu planerad till fredag 12 juni 2026 kl. 13:00 (centraleuropeisk tid).');
  });

  it('takes the weekday and date in the brand zone, not the server one', () => {
    // 23:30 UTC on Thursday is already Friday in Moscow.
    expect(dateParts(new Date('2026-06-11T23:30:00Z'), 'en', 'Europe/Moscow')).toEqual({ weekday: 'Friday', date: 'June 12, 2026', time: '02:30', zone: 'Moscow Standard Time' });
  });
});
