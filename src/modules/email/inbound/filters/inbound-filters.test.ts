import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMail } from '../parse/index.ts';
import { type Bounce, type Classification, detectAutoReply, detectBounce, detectLoop, extractSerials, type InboundContext, runInboundFilters } from './inbound-filters.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const fixture = (name: string): Buffer => fs.readFileSync(new URL(name, FIXTURES));

/** The addresses of the five demo brands: mail from them is our own. */
const OWN = ['sav@carri.example', 'sav@mecashop.example', 'support@charge-amps.example', 'support@eiler.example', 'service@smart-id.example'];

interface Verdict {
  classification: Classification;
  reasons: string[];
  bounce: Bounce | null;
  serials: string[];
}

const normal = (serials: string[] = []): Verdict => ({ classification: 'normal', reasons: [], bounce: null, serials });

const EXPECTED: Record<string, Verdict> = {
  'outlook-windows-1252.eml': normal(),
  'gmail-reply-utf8.eml': normal(),
  'apple-mail-related.eml': normal(),
  'mailing-list.eml': { classification: 'bulk', reasons: ['Precedence: list', 'List-Id'], bounce: null, serials: [] },
  'bounce-dsn.eml': {
    classification: 'bounce',
    // Postfix also marks its reports Auto-Submitted; the stronger verdict, bounce, wins.
    reasons: ['message/delivery-status', 'Auto-Submitted: auto-replied'],
    bounce: {
      recipient: 'jean.dupont@imprimerie-martin.example',
      action: 'failed',
      status: '5.1.1',
      diagnostic: '550 5.1.1 <jean.dupont@imprimerie-martin.example>: Recipient address rejected: User unknown in virtual mailbox table',
    },
    serials: [],
  },
  'out-of-office.eml': { classification: 'auto_reply', reasons: ['Auto-Submitted: auto-replied', 'X-Autoreply', 'out-of-office'], bounce: null, serials: [] },
  'russian-koi8-r.eml': normal(['EIL-2291-0045']),
  'russian-windows-1251.eml': normal(),
  'romanian-utf8.eml': normal(['SID-RD-0098812']),
  'romanian-windows-1250.eml': normal(),
  'iso-8859-15-euro.eml': normal(),
  'html-only.eml': normal(),
  'forwarded-rfc822.eml': normal(),
  'no-message-id.eml': normal(),
  'serial-numbers.eml': normal(['CA-HALO-220198', 'CA-HALO-220199', 'CS540-2291-A7']),
  'x-loop.eml': { classification: 'loop', reasons: ['X-Loop', 'From: own address', 'Auto-Submitted: auto-generated'], bounce: null, serials: [] },
};

const verdict = (ctx: InboundContext): Verdict => ({ classification: ctx.classification, reasons: ctx.reasons, bounce: ctx.bounce, serials: ctx.serials });

describe('inbound filters over the corpus', () => {
  it('have a verdict for every fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.eml')).sort());
  });

  it.each(Object.entries(EXPECTED))('classify %s', async (name, want) => {
    const ctx = runInboundFilters(await parseMail(fixture(name)), OWN);
    expect(verdict(ctx)).toEqual(want);
  });

  it('call our own mail coming back a loop by its X-Loop marker alone, when the sender is not ours', async () => {
    const ctx = runInboundFilters(await parseMail(fixture('x-loop.eml')), []);
    expect(verdict(ctx)).toEqual({ classification: 'loop', reasons: ['X-Loop', 'Auto-Submitted: auto-generated'], bounce: null, serials: [] });
  });

  it('compare own addresses without regard to case', async () => {
    const ctx = runInboundFilters(await parseMail(fixture('x-loop.eml')), ['SAV@Carri.Example']);
    expect(ctx.reasons).toContain('From: own address');
  });
});

describe('detectBounce', () => {
  const ctxFor = async (raw: Buffer): Promise<InboundContext> => ({ mail: await parseMail(raw), ownAddresses: [], classification: 'normal', reasons: [], bounce: null, serials: [] });

  it('takes a "delayed" delivery report for information, not a failed address', async () => {
    const delayed = Buffer.from(
      fixture('bounce-dsn.eml').toString('latin1').replace('Action: failed', 'Action: delayed').replace('Status: 5.1.1', 'Status: 4.4.7'),
      'latin1',
    );
    const ctx = await ctxFor(delayed);
    detectBounce(ctx);
    expect(verdict(ctx)).toEqual({ classification: 'auto_reply', reasons: ['delivery report: delayed'], bounce: null, serials: [] });
  });

  it('recognises a mailer-daemon notice without a machine-readable report', async () => {
    const raw = Buffer.from('From: MAILER-DAEMON@mx.example.org\r\nTo: sav@carri.example\r\nSubject: failure notice\r\nMessage-ID: <x1@mx.example.org>\r\n\r\nSorry, I could not deliver.\r\n');
    const ctx = await ctxFor(raw);
    detectBounce(ctx);
    expect(verdict(ctx)).toEqual({ classification: 'bounce', reasons: ['From: mailer-daemon'], bounce: null, serials: [] });
  });

  it('leaves an ordinary mail alone', async () => {
    const ctx = await ctxFor(fixture('gmail-reply-utf8.eml'));
    detectBounce(ctx);
    detectLoop(ctx);
    detectAutoReply(ctx);
    expect(verdict(ctx)).toEqual(normal());
  });
});

describe('extractSerials', () => {
  const serialsIn = (text: string, subject = ''): string[] => {
    const ctx: InboundContext = {
      mail: { messageId: null, inReplyTo: null, references: [], from: null, to: [], cc: [], replyTo: null, subject, text, html: null, date: null, headers: new Map(), attachments: [] },
      ownAddresses: [],
      classification: 'normal',
      reasons: [],
      bounce: null,
      serials: [],
    };
    extractSerials(ctx);
    return ctx.serials;
  };

  it('reads labelled serials in the five languages', () => {
    expect(serialsIn('Serienummer: CA-HALO-220311')).toEqual(['CA-HALO-220311']);
    expect(serialsIn('серийный номер EIL-2291-0046')).toEqual(['EIL-2291-0046']);
    expect(serialsIn('Numărul de serie: SID-RD-0098813')).toEqual(['SID-RD-0098813']);
    expect(serialsIn('Serial number: ab-1234; cd-5678')).toEqual(['AB-1234', 'CD-5678']);
  });

  it('ignores the word "serial" without a number after it', () => {
    expect(serialsIn('The serial number is printed under the charger.')).toEqual([]);
  });

  it('reads the subject too', () => {
    expect(serialsIn('', 'Halo S/N CA-HALO-220400 ne charge plus')).toEqual(['CA-HALO-220400']);
  });
});
