import type { Mailbox, MailboxInput } from '../../api/types';

/** The mailbox form's state: both server sections are always there, switched on or off. */
export interface MailboxFormValues {
  brandId: string;
  address: string;
  displayName: string;
  enabled: boolean;
  /** Without an SMTP server, mail goes to the built-in outbox instead of being held. */
  outbox: boolean;
  imapOn: boolean;
  imap: { host: string; port: number | ''; secure: boolean; user: string; password: string; folder: string };
  smtpOn: boolean;
  smtp: { host: string; port: number | ''; secure: boolean; user: string; password: string };
}

export const DEFAULT_PORT = {
  imap: { secure: 993, plain: 143 },
  smtp: { secure: 465, plain: 587 },
} as const;

export function initialValues(mailbox: Mailbox | null, brandId: string | null): MailboxFormValues {
  return {
    brandId: mailbox?.brandId ?? brandId ?? '',
    address: mailbox?.address ?? '',
    displayName: mailbox?.displayName ?? '',
    enabled: mailbox?.enabled ?? true,
    outbox: mailbox?.outbox ?? false,
    // A new address receives through the built-in SMTP receiver unless IMAP is switched on.
    imapOn: mailbox ? mailbox.imap !== null : false,
    imap: {
      host: mailbox?.imap?.host ?? '',
      port: mailbox?.imap?.port ?? DEFAULT_PORT.imap.secure,
      secure: mailbox?.imap?.secure ?? true,
      user: mailbox?.imap?.user ?? '',
      password: '',
      folder: mailbox?.imap?.folder ?? 'INBOX',
    },
    smtpOn: mailbox ? mailbox.smtp !== null : true,
    smtp: {
      host: mailbox?.smtp?.host ?? '',
      port: mailbox?.smtp?.port ?? DEFAULT_PORT.smtp.plain,
      secure: mailbox?.smtp?.secure ?? false,
      user: mailbox?.smtp?.user ?? '',
      password: '',
    },
  };
}

/**
 * Switching TLS on or off moves the port along when it was the usual one for the other mode
 * (993 ↔ 143 for IMAP, 465 ↔ 587 for SMTP); a custom port is left alone.
 */
export function portForTls(kind: 'imap' | 'smtp', port: number | '', secure: boolean): number | '' {
  const d = DEFAULT_PORT[kind];
  if (secure && port === d.plain) return d.secure;
  if (!secure && port === d.secure) return d.plain;
  return port;
}

export type FormErrors = Partial<Record<string, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field paths in error (`address`, `imap.host`…) with a field error code, checked before sending. */
export function validate(v: MailboxFormValues, stored: Mailbox | null): Record<string, 'required' | 'invalid_format' | 'too_big' | 'too_small'> {
  const out: Record<string, 'required' | 'invalid_format' | 'too_big' | 'too_small'> = {};
  if (!v.brandId) out.brandId = 'required';
  if (!v.address.trim()) out.address = 'required';
  else if (!EMAIL.test(v.address.trim())) out.address = 'invalid_format';
  const port = (key: string, p: number | '') => {
    if (p === '') out[key] = 'required';
    else if (!Number.isInteger(p) || p < 1) out[key] = 'too_small';
    else if (p > 65535) out[key] = 'too_big';
  };
  if (v.imapOn) {
    if (!v.imap.host.trim()) out['imap.host'] = 'required';
    port('imap.port', v.imap.port);
    if (!v.imap.user.trim()) out['imap.user'] = 'required';
    // A new IMAP account needs its password; a stored one keeps it when the field is left empty.
    if (!v.imap.password && !stored?.imap?.hasPassword) out['imap.password'] = 'required';
  }
  if (v.smtpOn) {
    if (!v.smtp.host.trim()) out['smtp.host'] = 'required';
    port('smtp.port', v.smtp.port);
  }
  return out;
}

/** The request body: passwords left empty are omitted, so the stored ones are kept. */
export function toInput(v: MailboxFormValues): MailboxInput {
  return {
    brandId: v.brandId,
    address: v.address.trim(),
    displayName: v.displayName.trim() || null,
    enabled: v.enabled,
    outbox: v.outbox,
    imap: v.imapOn
      ? {
          host: v.imap.host.trim(),
          port: Number(v.imap.port),
          secure: v.imap.secure,
          ...(v.imap.user.trim() ? { user: v.imap.user.trim() } : {}),
          folder: v.imap.folder.trim() || 'INBOX',
          ...(v.imap.password ? { password: v.imap.password } : {}),
        }
      : null,
    smtp: v.smtpOn
      ? {
          host: v.smtp.host.trim(),
          port: Number(v.smtp.port),
          secure: v.smtp.secure,
          ...(v.smtp.user.trim() ? { user: v.smtp.user.trim() } : {}),
          ...(v.smtp.password ? { password: v.smtp.password } : {}),
        }
      : null,
  };
}

/** Whether the form differs from what is stored (a test runs on the stored settings). */
export function isDirty(v: MailboxFormValues, stored: Mailbox | null): boolean {
  if (!stored) return true;
  return JSON.stringify(toInput(v)) !== JSON.stringify(toInput(initialValues(stored, null)));
}
