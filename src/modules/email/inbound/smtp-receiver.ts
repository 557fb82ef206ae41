import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import type { EmailContext } from '../context/index.ts';
import { acceptRawMessage } from './inbound.service.ts';

/**
 * The built-in SMTP receiver: small installs and newcomers mail `localhost:2525` and watch a
 * ticket appear. Accepts mail only for the brands' mailbox addresses. A message is answered 250
 * only after it is stored and its processing enqueued (committed); any failure answers 451 so the
 * sending server keeps it and retries — nothing a customer sent is lost.
 */
export function createSmtpReceiver(ctx: EmailContext, opts: { hardLimitBytes: number; log: (msg: string, err?: unknown) => void }): SMTPServer {
  return new SMTPServer({
    name: 'apres',
    banner: 'Apres after-sales service',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: opts.hardLimitBytes,
    logger: false,
    async onRcptTo(address, _session, callback) {
      try {
        const known = await ctx.db.selectFrom('mailbox').select('id').where(sql`lower(address)`, '=', address.address.toLowerCase()).where('enabled', '=', true).executeTakeFirst();
        if (!known) return callback(Object.assign(new Error(`No mailbox for <${address.address}> here`), { responseCode: 550 }));
        callback();
      } catch (err) {
        opts.log('smtp receiver: recipient check failed', err);
        callback(Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 }));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
        }
        const raw = Buffer.concat(chunks);
        acceptRawMessage(ctx, {
          raw,
          source: 'smtp',
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        }).then(
          () => callback(),
          (err: unknown) => {
            opts.log('smtp receiver: could not store a message', err);
            callback(Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
}
