/**
 * A corpus of realistic inbound mail for the e-mail benchmark, every message different: generated
 * ones in the customers' languages (ticket text from corpus.ts) as plain text, as text + HTML, or
 * with a small attachment, built by nodemailer's composer; and variants of the parser fixtures,
 * which keep real clients' shapes (Outlook windows-1252, The Bat! KOI8-R, windows-1251 and -1250,
 * ISO-8859-15, Apple Mail with an inline image, a forwarded message, HTML only, no Message-ID).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import MailComposer from 'nodemailer/lib/mail-composer';
import { BRAND_WEIGHTS, type BrandSlug, makeTicket, requesterPool } from './corpus.ts';
import type { Rng } from './rng.ts';

export const SUPPORT_ADDRESS: Record<BrandSlug, string> = {
  carri: 'sav@carri.example',
  mecashop: 'sav@mecashop.example',
  'charge-amps': 'support@charge-amps.example',
  eiler: 'support@eiler.example',
  'smart-id': 'service@smart-id.example',
};

export type MailKind = 'plain' | 'html' | 'attachment' | 'fixture';

export interface BenchMail {
  kind: MailKind;
  from: string;
  /** The brand's support address, for the SMTP envelope. */
  to: string;
  raw: Buffer;
}

const FIXTURES_DIR = new URL('../../src/modules/email/inbound/fixtures/', import.meta.url);
// Bounces and loops are kept but never become tickets: not what a customer sends.
const FIXTURES = fs
  .readdirSync(FIXTURES_DIR)
  .filter((f) => f.endsWith('.eml') && !['bounce-dsn.eml', 'x-loop.eml'].includes(f))
  .sort()
  .map((f) => ({ name: f, raw: fs.readFileSync(new URL(f, FIXTURES_DIR)).toString('latin1') }));

/** A fixture as sent by someone else: own sender and Message-ID (or, without one, own bytes). */
function fixtureVariant(raw: string, from: string, messageId: string, seq: string): Buffer {
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  const split = raw.search(/\r?\n\r?\n/);
  const lines = raw.slice(0, split).split(/\r?\n/);
  const body = raw.slice(split);
  const kept: string[] = [];
  let dropping = false;
  let hadMessageId = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    const name = line.slice(0, line.indexOf(':')).toLowerCase();
    dropping = name === 'from' || name === 'reply-to' || name === 'message-id';
    if (name === 'message-id') hadMessageId = true;
    if (!dropping) kept.push(line);
  }
  const added = [`From: <${from}>`, `X-Bench-Seq: ${seq}`, ...(hadMessageId ? [`Message-ID: <${messageId}>`] : [])];
  return Buffer.from([...added, ...kept].join(eol) + body, 'latin1');
}

/** A small binary file of the size customers attach (a photo, a PDF report, a log). */
function attachment(rng: Rng): { filename: string; contentType: string; content: Buffer } {
  const size = rng.int(8_000, 40_000);
  const bytes = crypto.randomBytes(size);
  return rng.pick([
    { filename: `photo-${rng.digits(4)}.jpg`, contentType: 'image/jpeg', content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), bytes]) },
    { filename: `rapport-${rng.digits(3)}.pdf`, contentType: 'application/pdf', content: Buffer.concat([Buffer.from('%PDF-1.4\n'), bytes]) },
    { filename: 'device.log', contentType: 'text/plain', content: Buffer.from(bytes.toString('base64').replace(/(.{76})/g, '$1\n')) },
  ]);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `count` distinct mails; `tag` goes into every Message-ID so two corpora never collide. */
export async function makeMailCorpus(rng: Rng, count: number, tag: string): Promise<BenchMail[]> {
  const pool = requesterPool(rng, Math.ceil(count / 5) + 10);
  const used = new Set<string>();
  const mails: BenchMail[] = [];
  for (let i = 0; i < count; i++) {
    const brand = rng.weighted(BRAND_WEIGHTS);
    // Mostly one mail per customer, as in real intake: the hourly cap on acknowledgments per
    // recipient would otherwise suppress some.
    const requester = pool[brand].find((p) => !used.has(p.email)) ?? rng.pick(pool[brand]);
    used.add(requester.email);
    const to = SUPPORT_ADDRESS[brand];
    const messageId = `${tag}.${i}.${rng.digits(8)}@${requester.email.split('@')[1]}`;
    const kind = rng.weighted<MailKind>([
      ['plain', 35],
      ['html', 20],
      ['attachment', 10],
      ['fixture', 35],
    ]);
    if (kind === 'fixture') {
      const f = FIXTURES[i % FIXTURES.length]!;
      mails.push({ kind, from: requester.email, to, raw: fixtureVariant(f.raw, requester.email, messageId, `${tag}-${i}`) });
      continue;
    }
    const t = makeTicket(rng, brand, requester);
    const paragraphs = t.description.split(/\n\n+/);
    const composer = new MailComposer({
      from: { name: requester.name, address: requester.email },
      to,
      subject: t.subject,
      messageId: `<${messageId}>`,
      date: new Date(Date.UTC(2026, 10, 2 + (i % 25), 7 + (i % 11), i % 60)),
      text: t.description,
      ...(kind === 'html' || (kind === 'attachment' && rng.chance(0.5))
        ? { html: `<div dir="ltr">${paragraphs.map((p) => `<p style="margin:0 0 1em">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('')}</div>` }
        : {}),
      ...(kind === 'attachment' ? { attachments: [attachment(rng)] } : {}),
      headers: { 'X-Mailer': rng.pick(['Microsoft Outlook 16.0', 'Thunderbird 128.4', 'Apple Mail (2.3776)', 'K-9 Mail 6.9']) },
    });
    mails.push({ kind, from: requester.email, to, raw: await composer.compile().build() });
  }
  return mails;
}
