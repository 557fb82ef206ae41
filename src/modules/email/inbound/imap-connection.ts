import { createRequire } from 'node:module';
import type * as Imap from 'imapflow';
import type { ImapFlow } from 'imapflow';
import { z } from 'zod';

// Loaded with the first IMAP connection: a desk without IMAP mailboxes never needs it.
const require = createRequire(import.meta.url);
let imapflow: typeof Imap | undefined;

/**
 * One IMAP connection as the fetcher and the admin screen's connection test open it: the stored
 * settings checked, imapflow quiet, errors turned into one line without the password.
 */

/** `mailbox.imap` as stored by the admin screens, checked on the way out of the database. */
export const ImapSettings = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().optional(),
  password: z.string().optional(),
  folder: z.string().min(1).optional(),
});
export type ImapSettings = z.infer<typeof ImapSettings>;

/** The last error a connection emitted on its own (a reset while idle), for the next report. */
export const connectionErrors = new WeakMap<ImapFlow, Error>();

export function newClient(s: ImapSettings, socketTimeoutMs?: number): ImapFlow {
  const { ImapFlow: Client } = (imapflow ??= require('imapflow') as typeof Imap);
  const client = new Client({
    host: s.host,
    port: s.port,
    secure: s.secure,
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    // imapflow's own logger would print protocol traffic; we report errors ourselves, without
    // message bodies or credentials.
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    ...(socketTimeoutMs ? { socketTimeout: socketTimeoutMs } : {}),
  });
  // An 'error' event without a listener would crash the process. Kept, not logged: the failing
  // call, or the fetch loop noticing the closed connection, reports it once.
  client.on('error', (err: Error) => connectionErrors.set(client, err));
  return client;
}

export async function closeClient(client: ImapFlow): Promise<void> {
  if (client.isClosed) return;
  if (client.usable) await Promise.race([client.logout().catch(() => undefined), new Promise((r) => setTimeout(r, 2_000).unref())]);
  client.close();
}

/** One line for `mailbox.last_error` and the logs: what failed, never the password. */
export function describeImapError(err: unknown, settings?: { password?: string | undefined }): string {
  const e = (err ?? {}) as { message?: string; responseText?: string; code?: string; authenticationFailed?: boolean };
  let msg = e.authenticationFailed ? 'IMAP login failed' : (e.message ?? String(err));
  if (e.responseText && !msg.includes(e.responseText)) msg += `: ${e.responseText}`;
  if (e.code && !msg.includes(e.code)) msg += ` (${e.code})`;
  // Servers do not echo passwords; this is a second line of defence (not for very short ones,
  // which would mangle ordinary words).
  if (settings?.password && settings.password.length >= 4) msg = msg.split(settings.password).join('***');
  return msg.slice(0, 500);
}

/** Logs in and counts the folder's messages: the admin screen's "test connection". */
export async function testImapConnection(settings: ImapSettings): Promise<{ ok: boolean; error?: string; messages?: number }> {
  const parsed = ImapSettings.safeParse(settings);
  if (!parsed.success) return { ok: false, error: 'Incomplete IMAP settings' };
  const s = parsed.data;
  const client = newClient(s);
  try {
    await client.connect();
    const status = await client.status(s.folder ?? 'INBOX', { messages: true });
    return { ok: true, messages: status ? (status.messages ?? 0) : 0 };
  } catch (err) {
    return { ok: false, error: describeImapError(err, s) };
  } finally {
    await closeClient(client);
  }
}

