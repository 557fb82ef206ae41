import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobQueue } from '../../../platform/jobs/job-queue.ts';
import { TEST_NOW } from '../../../test/clock.ts';
import { idleEmailContext } from '../../../test/email-context.ts';
import { describeStores } from '../../../test/db.ts';
import type { EmailContext } from '../context/index.ts';
import { countQuarantined } from '../admin/index.ts';
import { acceptRawMessage } from './inbound.service.ts';
import { processInbound } from './process-inbound.ts';
import { ticketMail } from '../outbound/index.ts';

/**
 * Issue 9: mutations of the real-client fixture corpus — truncation, byte flips, duplicate and huge
 * headers, deep nesting, broken boundaries, NUL, bad charsets, missing and odd senders — are each
 * accepted and end in a final state with a reason: a ticket, a quarantine saying why, or a
 * discard saying why. None is lost, none throws.
 */
const FIXTURES = new URL('./fixtures/', import.meta.url);

/** A small deterministic generator, so a failure is the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function mutations(name: string, raw: Buffer): { label: string; raw: Buffer; envelopeFrom: string | null }[] {
  const r = rng(raw.length);
  const text = raw.toString('latin1');
  const headEnd = Math.max(text.indexOf('\r\n\r\n'), text.indexOf('\n\n'));
  const flip = (n: number) => {
    const b = Buffer.from(raw);
    for (let i = 0; i < n; i++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    return b;
  };
  const withHeader = (h: string) => Buffer.from(h + text, 'latin1');
  const nest = (depth: number) => {
    let body = 'innermost';
    for (let i = 0; i < depth; i++) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--\r\n`;
    return Buffer.from(`From: nest@client.example\r\nTo: sav@carri.example\r\nSubject: nested ${name}\r\nMIME-Version: 1.0\r\n${body}`, 'latin1');
  };
  return [
    { label: 'as is', raw, envelopeFrom: null },
    { label: 'cut in the headers', raw: raw.subarray(0, Math.max(10, Math.floor(headEnd / 2))), envelopeFrom: 'cut@client.example' },
    { label: 'cut in the body', raw: raw.subarray(0, Math.floor(raw.length * 0.7)), envelopeFrom: null },
    { label: '20 flipped bytes', raw: flip(20), envelopeFrom: 'flip@client.example' },
    { label: '200 flipped bytes', raw: flip(200), envelopeFrom: null },
    { label: 'duplicated headers', raw: withHeader('Subject: one\r\nSubject: two\r\nFrom: a@client.example\r\nFrom: b@client.example\r\n'), envelopeFrom: null },
    { label: 'a 300 kB header', raw: withHeader(`X-Huge: ${'x'.repeat(300_000)}\r\n`), envelopeFrom: null },
    { label: 'broken boundary', raw: Buffer.from(text.replace(/boundary="?([^";\r\n]+)"?/i, 'boundary="nowhere"'), 'latin1'), envelopeFrom: null },
    { label: 'NUL everywhere', raw: Buffer.from(text.replace(/(Subject:|From:|Message-ID:\s*<)/gi, '$1\u0000').replace(/\r\n\r\n/, '\r\n\r\n\u0000'), 'latin1'), envelopeFrom: null },
    { label: 'unknown charset', raw: Buffer.from(text.replace(/charset="?[\w-]+"?/gi, 'charset=x-unknown-42'), 'latin1'), envelopeFrom: null },
    { label: 'no sender at all', raw: Buffer.from(text.replace(/^(From|Reply-To|Sender|Return-Path):.*(\r?\n[ \t].*)*\r?\n/gim, ''), 'latin1'), envelopeFrom: null },
    { label: 'odd senders', raw: Buffer.from(text.replace(/^From:.*$/im, 'From: "x" <@>').replace(/^Reply-To:.*$/im, 'Reply-To: john@'), 'latin1'), envelopeFrom: 'from@e' },
    { label: 'deep nesting', raw: nest(120), envelopeFrom: null },
  ];
}

describeStores('mail fuzzing', (ctx) => {
  let jobs: JobQueue;
  let email: EmailContext;
  beforeAll(async () => {
    ({ jobs, email } = await idleEmailContext(ctx()));
  });
  afterAll(async () => {
    await jobs?.stop();
  });

  it('accepts every mutated message and brings each to a final state with a reason, losing none', { timeout: 300_000 }, async () => {
    const { db } = ctx();
    const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.eml')).sort();
    const outcomes = new Map<string, number>();
    const problems: string[] = [];
    let n = 0;
    for (const name of names) {
      for (const m of mutations(name, fs.readFileSync(new URL(name, FIXTURES)))) {
        const label = `${name} / ${m.label}`;
        try {
          const accepted = await acceptRawMessage(email, { raw: m.raw, source: 'smtp', envelopeTo: ['sav@carri.example'], envelopeFrom: m.envelopeFrom });
          n++;
          for (const id of accepted.inboundIds) await processInbound(email, ticketMail(email), id, TEST_NOW);
          for (const id of accepted.inboundIds) {
            const row = await db.selectFrom('inbound_message').select(['status', 'reason', 'ticket_id', 'raw_storage_key', 'classification']).where('id', '=', id).executeTakeFirstOrThrow();
            outcomes.set(`${row.status}${row.reason ? `:${row.reason.split(';')[0]}` : ''}`, (outcomes.get(`${row.status}${row.reason ? `:${row.reason.split(';')[0]}` : ''}`) ?? 0) + 1);
            if (row.status === 'received') problems.push(`${label}: still received`);
            // A bounce or a mail loop is kept and classified, with its reason, but opens no ticket.
            if (row.status === 'processed' && !row.ticket_id && !((row.classification === 'bounce' || row.classification === 'loop') && row.reason)) problems.push(`${label}: processed without a ticket`);
            if ((row.status === 'quarantined' || row.status === 'discarded') && !row.reason) problems.push(`${label}: ${row.status} without a reason`);
            if (!fs.existsSync(path.join(ctx().filesDir, 'raw')) || !row.raw_storage_key) problems.push(`${label}: raw copy missing`);
          }
        } catch (err) {
          problems.push(`${label}: threw ${(err as Error).message.slice(0, 200)}`);
        }
      }
    }
    console.warn(`mail fuzz [${ctx().store}]: ${n} messages from ${names.length} fixtures; ${[...outcomes].map(([k, v]) => `${k}×${v}`).join(', ')}`);
    expect(problems).toEqual([]);
    expect(n).toBe(names.length * 13);
    // The admin's navigation counts what waits in quarantine.
    const quarantined = await db.selectFrom('inbound_message').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'quarantined').executeTakeFirstOrThrow();
    expect(await countQuarantined(email, await ctx().actor('admin@apres.example'))).toEqual({ quarantined: Number(quarantined.n) });
    expect(Number(quarantined.n)).toBeGreaterThan(0);
  });
});
