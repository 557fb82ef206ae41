import { ImapFlow } from 'imapflow';
import type { MailServerSettings } from '../../platform/db/schema.ts';

/** Logs in, opens the folder and reports how many messages it holds: the admin's "test connection". */
export async function testImapConnection(settings: MailServerSettings): Promise<{ ok: boolean; error: string | null; detail: string | null }> {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user ?? '', pass: settings.password ?? '' },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  });
  try {
    await client.connect();
    const box = await client.mailboxOpen(settings.folder ?? 'INBOX', { readOnly: true });
    return { ok: true, error: null, detail: `${box.exists} messages in ${box.path}` };
  } catch (err) {
    const e = err as Error & { responseText?: string };
    return { ok: false, error: e.responseText ?? e.message, detail: null };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
