import type { ParsedMail } from '../parse/index.ts';

/** Marker Apres puts in `X-Loop` on everything it sends; seeing it come back means a loop. */
export const LOOP_MARKER = 'apres';

export type Classification = 'normal' | 'auto_reply' | 'bounce' | 'loop' | 'bulk';

export interface Bounce {
  recipient: string;
  action: string;
  status: string;
  diagnostic: string;
}

export interface InboundContext {
  mail: ParsedMail;
  ownAddresses: string[];
  classification: Classification;
  /** Why the mail is not `normal`: the header or rule that said so. */
  reasons: string[];
  bounce: Bounce | null;
  serials: string[];
}

export type InboundFilter = (ctx: InboundContext) => void;

const header = (ctx: InboundContext, name: string): string[] => ctx.mail.headers.get(name) ?? [];

function classify(ctx: InboundContext, c: Classification, reason: string) {
  // The first, strongest verdict wins: loop > bounce > auto-reply > bulk.
  if (ctx.classification === 'normal') ctx.classification = c;
  ctx.reasons.push(reason);
}

/** Our own marker or our own address as sender: answering would start a mail loop. */
export const detectLoop: InboundFilter = (ctx) => {
  if (header(ctx, 'x-loop').some((v) => v.toLowerCase().includes(LOOP_MARKER))) classify(ctx, 'loop', 'X-Loop');
  const from = ctx.mail.from?.address;
  if (from && ctx.ownAddresses.includes(from)) classify(ctx, 'loop', 'From: own address');
};

const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

function dsnFields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) {
      const key = line.slice(0, i).trim().toLowerCase();
      if (!out.has(key)) out.set(key, line.slice(i + 1).trim());
    }
  }
  return out;
}

/**
 * Delivery reports (RFC 3464): a multipart/report with a message/delivery-status part, or a
 * mailer-daemon sender. The failed recipient is kept so the address can be flagged.
 */
export const detectBounce: InboundFilter = (ctx) => {
  const contentType = header(ctx, 'content-type').join(' ').toLowerCase();
  const statusPart = ctx.mail.attachments.find((a) => a.contentType === 'message/delivery-status');
  const fromDaemon = DAEMON.test(ctx.mail.from?.address ?? '');
  if (!statusPart && !(contentType.includes('multipart/report') && contentType.includes('delivery-status')) && !fromDaemon) return;
  if (statusPart) {
    const f = dsnFields(statusPart.content.toString('utf8'));
    const action = (f.get('action') ?? '').toLowerCase();
    // A "delayed" or "delivered" report is information, not a failure.
    if (action && action !== 'failed') {
      classify(ctx, 'auto_reply', `delivery report: ${action}`);
      return;
    }
    const recipient = (f.get('final-recipient') ?? f.get('original-recipient') ?? '').replace(/^[^;]*;\s*/, '').trim().toLowerCase();
    ctx.bounce = { recipient, action: action || 'failed', status: f.get('status') ?? '', diagnostic: (f.get('diagnostic-code') ?? '').replace(/^[^;]*;\s*/, '') };
  }
  classify(ctx, 'bounce', statusPart ? 'message/delivery-status' : 'From: mailer-daemon');
};

/** RFC 3834 and the headers real autoresponders set instead. */
export const detectAutoReply: InboundFilter = (ctx) => {
  const autoSubmitted = header(ctx, 'auto-submitted').map((v) => v.toLowerCase().split(';')[0]!.trim());
  if (autoSubmitted.some((v) => v && v !== 'no')) classify(ctx, 'auto_reply', `Auto-Submitted: ${autoSubmitted.join(',')}`);
  if (header(ctx, 'x-autoreply').length || header(ctx, 'x-autorespond').length || header(ctx, 'x-autoresponder').length) classify(ctx, 'auto_reply', 'X-Autoreply');
  if (header(ctx, 'x-auto-response-suppress').some((v) => /all|oof|autoreply/i.test(v)) && /^(automatic reply|auto(matic)?[- ]?reply|réponse automatique|absence|out of office|autosvar|frånvaro|автоответ|răspuns automat)/i.test(ctx.mail.subject)) {
    classify(ctx, 'auto_reply', 'out-of-office');
  }
  const precedence = header(ctx, 'precedence').map((v) => v.toLowerCase().trim());
  if (precedence.some((v) => v === 'bulk' || v === 'junk' || v === 'list')) classify(ctx, 'bulk', `Precedence: ${precedence.join(',')}`);
  if (header(ctx, 'list-id').length || header(ctx, 'list-unsubscribe').length) classify(ctx, 'bulk', 'List-Id');
};

// "S/N: ABC-123", "Serial number ABC123", "numéro de série : X", "serienummer", "серийный номер", "număr de serie".
const SERIAL_LABEL =
  /(?:\bS\/N|\bSN\b|serial(?:\s*(?:number|no\.?|#))?|num[ée]ro(?:s)?\s+de\s+s[ée]rie|n°\s*de\s*s[ée]rie|serienummer|серийн\S*\s+номер\S*|заводск\S*\s+номер\S*|num[aă]r(?:ul)?\s+de\s+serie|seria)\s*[:#=]?\s*((?:[A-Z0-9][A-Z0-9./_-]{3,40}(?:\s*(?:,|;|\bet\b|\band\b|\bи\b|\bși\b|\boch\b)\s*)?)+)/giu;

/** Serial numbers written after a label, in any of the five languages; kept on the ticket. */
export const extractSerials: InboundFilter = (ctx) => {
  const found = new Set<string>();
  for (const text of [ctx.mail.subject, ctx.mail.text]) {
    for (const m of text.matchAll(SERIAL_LABEL)) {
      for (const token of m[1]!.split(/\s*(?:,|;|\bet\b|\band\b|\bи\b|\bși\b|\boch\b)\s*/u)) {
        const s = token.trim().replace(/[.,;]+$/, '').toUpperCase();
        if (/\d/.test(s) && s.length >= 4) found.add(s);
      }
    }
  }
  ctx.serials = [...found].slice(0, 50);
};

/** The ordered chain every inbound mail runs through before routing. */
export const INBOUND_FILTERS: readonly InboundFilter[] = [detectLoop, detectBounce, detectAutoReply, extractSerials];

export function runInboundFilters(mail: ParsedMail, ownAddresses: string[]): InboundContext {
  const ctx: InboundContext = { mail, ownAddresses: ownAddresses.map((a) => a.toLowerCase()), classification: 'normal', reasons: [], bounce: null, serials: [] };
  for (const filter of INBOUND_FILTERS) filter(ctx);
  return ctx;
}
