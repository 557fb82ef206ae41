import { describe, expect, it } from 'vitest';
import type { Mailbox } from '../../api/types';
import { initialValues, isDirty, portForTls, toInput, validate } from './mailbox-form';

const stored: Mailbox = {
  id: 'm1',
  brandId: 'b1',
  brandName: 'CARRI',
  address: 'support@carri.example',
  displayName: 'CARRI Support',
  enabled: true,
  outbox: false,
  imap: { host: 'imap.carri.example', port: 993, secure: true, user: 'support', folder: 'INBOX', hasPassword: true },
  smtp: null,
  lastCheckedAt: null,
  lastError: null,
};

describe('mailbox form', () => {
  it('keeps the stored passwords by omitting empty ones', () => {
    const body = toInput(initialValues(stored, null));
    expect(body.imap).toEqual({ host: 'imap.carri.example', port: 993, secure: true, user: 'support', folder: 'INBOX' });
    expect(body.smtp).toBeNull();
    const withPassword = initialValues(stored, null);
    withPassword.imap.password = 's3cret';
    expect(toInput(withPassword).imap?.password).toBe('s3cret');
  });

  it('asks for an IMAP password only when none is stored', () => {
    expect(validate(initialValues(stored, null), stored)).toEqual({});
    const fresh = initialValues(null, 'b1');
    fresh.address = 'sav@eiler.example';
    fresh.imapOn = true;
    fresh.imap = { ...fresh.imap, host: 'imap.eiler.example', user: 'sav' };
    fresh.smtpOn = false;
    expect(validate(fresh, null)).toEqual({ 'imap.password': 'required' });
  });

  it('checks the address, the hosts and the ports of the sections switched on', () => {
    const v = initialValues(null, null);
    v.address = 'not an address';
    v.imapOn = true;
    v.imap.port = 70000;
    expect(validate(v, null)).toMatchObject({
      brandId: 'required',
      address: 'invalid_format',
      'imap.host': 'required',
      'imap.port': 'too_big',
      'smtp.host': 'required',
    });
    v.imapOn = false;
    v.smtpOn = false;
    expect(Object.keys(validate(v, null)).sort()).toEqual(['address', 'brandId']);
  });

  it('moves the usual port along with TLS and leaves a custom one alone', () => {
    expect(portForTls('imap', 993, false)).toBe(143);
    expect(portForTls('smtp', 587, true)).toBe(465);
    expect(portForTls('smtp', 2525, true)).toBe(2525);
  });

  it('is clean when nothing changed since the last save', () => {
    const v = initialValues(stored, null);
    expect(isDirty(v, stored)).toBe(false);
    v.displayName = 'Support';
    expect(isDirty(v, stored)).toBe(true);
    expect(isDirty(initialValues(null, 'b1'), null)).toBe(true);
  });
});
