import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n';
import { creationMailNotice } from './ticket-mails';

describe('the new ticket notice', () => {
  let t: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: resources.en }, lng: 'en', interpolation: { escapeValue: false } });
    t = i18n.getFixedT('en');
  });
  const mail = (status: 'queued' | 'sent' | 'held' | 'outbox' | 'failed' | 'suppressed') => [{ kind: 'confirmation_request' as const, status, to: 'ana@example.fr' }];

  it('never says the confirmation left when it went to the outbox or is held', () => {
    expect(creationMailNotice(t, mail('outbox'))).toMatch(/outbox/);
    expect(creationMailNotice(t, mail('outbox'))).toMatch(/not received/);
    expect(creationMailNotice(t, mail('held'))).toMatch(/held/);
    for (const s of ['outbox', 'held', 'queued', 'failed', 'suppressed'] as const) expect(creationMailNotice(t, mail(s))).not.toMatch(/on its way|was sent/);
  });

  it('says it was sent only when it was, and says when there is none', () => {
    expect(creationMailNotice(t, mail('sent'))).toBe('The confirmation e-mail was sent to ana@example.fr.');
    expect(creationMailNotice(t, [])).toBe('No confirmation e-mail was recorded for this ticket.');
  });
});
