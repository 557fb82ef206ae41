import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../test/http.ts';

/**
 * Issue 9: every operation of the OpenAPI document, as every role and anonymously, with generated
 * valid-looking and invalid inputs — wrong types, missing fields, oversize strings, deep nesting,
 * NUL and lone surrogates, unknown enum values, bad ids, cursors and dates, wrong content types.
 * No answer may be a 5xx; an answer that breaks its declared schema is a 500 too (the serializer
 * checks it), so it is caught the same way.
 */
type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; items?: Schema; format?: string; anyOf?: Schema[]; oneOf?: Schema[] };
type Operation = { parameters?: { in: string; name: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };

const ROLES = ['client@carri.example', 'reseller@charge-amps.example', 'distributor@charge-amps.example', 'agent@carri.example', 'tech@carri.example', 'admin@apres.example'];
/** Operations that end the fuzzer's own session are tried last, once per role. */
const SESSION_ENDING = ['/api/v1/auth/logout', '/api/v1/auth/logout-everywhere'];
const HUGE = 'x'.repeat(100_000);
const NUL = 'a\u0000b';
const SURROGATE = 'a\ud800b';
const deep = (n: number): unknown => (n === 0 ? 'leaf' : { a: deep(n - 1) });

/** Percent-encodes, writing a lone surrogate as the invalid UTF-8 bytes a hostile client would send. */
function enc(v: string): string {
  return v
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

function typeOf(s: Schema | undefined): string {
  if (!s) return 'any';
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t) return t;
  const alt = s.anyOf ?? s.oneOf;
  return alt ? typeOf(alt.find((a) => a.type !== 'null')) : 'any';
}

/** A plausible value, so the other fields' mutations reach deeper than the first refusal. */
function sample(s: Schema | undefined, ids: string[]): unknown {
  if (s?.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'string':
      return s?.format === 'uuid' ? ids[0] : s?.format === 'date-time' ? '2026-06-10T07:00:00Z' : s?.format === 'email' ? 'fuzz@client.example' : 'fuzz';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of s?.required ?? []) o[k] = sample(s?.properties?.[k], ids);
      return o;
    }
    default:
      return 'fuzz';
  }
}

function wrongValues(s: Schema | undefined): unknown[] {
  const base: unknown[] = [null, NUL, SURROGATE, HUGE, -1, 1e308, [], {}, deep(40), 'not-a-uuid', '2026-13-45T99:99:99Z', '!!!cursor'];
  if (s?.enum) base.push('not_a_known_value');
  if (typeOf(s) === 'string') base.push(12345, true);
  if (typeOf(s) === 'number' || typeOf(s) === 'integer') base.push('12', 1.5, Number.MAX_SAFE_INTEGER * 4);
  return base;
}

function bodies(s: Schema | undefined, ids: string[]): unknown[] {
  const valid = sample(s, ids);
  const out: unknown[] = [valid, {}, [], 'text', 42, null, deep(2000), { ...(valid as object), unknownField: 1 }];
  for (const [key, prop] of Object.entries(s?.properties ?? {})) for (const w of wrongValues(prop)) out.push({ ...(valid as object), [key]: w });
  return out;
}

describeStores('API fuzzing from the OpenAPI document', (ctx) => {
  let app: FastifyInstance;
  let doc: { paths: Record<string, Record<string, Operation>> };
  const failures: string[] = [];
  const counts = { requests: 0, byStatus: new Map<number, number>() };

  beforeAll(async () => {
    app = await buildTestApp(ctx());
    doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  });
  afterAll(() => app?.close());

  async function send(client: Client | null, method: string, url: string, payload?: unknown, contentType = 'application/json') {
    const headers: Record<string, string> = payload === undefined ? {} : { 'content-type': contentType };
    const opts = { method: method.toUpperCase() as 'GET', url, headers, ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }) };
    const res = client ? await client.request(opts) : await app.inject(opts);
    counts.requests++;
    counts.byStatus.set(res.statusCode, (counts.byStatus.get(res.statusCode) ?? 0) + 1);
    if (res.statusCode >= 500 && failures.length < 50) failures.push(`${res.statusCode} ${method.toUpperCase()} ${url.slice(0, 120)} ${typeof payload === 'string' ? payload.slice(0, 80) : JSON.stringify(payload)?.slice(0, 160)} → ${res.body.slice(0, 200)}`);
    return res.statusCode;
  }

  it('answers every operation, as every role, without a 5xx', { timeout: 600_000 }, async () => {
    const { db } = ctx();
    const ids = [
      ...(await db.selectFrom('ticket').select('id').orderBy('created_at').limit(2).execute()).map((r) => r.id),
      '00000000-0000-4000-8000-000000000000',
    ];
    const clients: (Client | null)[] = [null];
    for (const email of ROLES) clients.push(await loginAs(app, email));
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(30);
    const ordered = [...operations.filter((o) => !SESSION_ENDING.includes(o.path)), ...operations.filter((o) => SESSION_ENDING.includes(o.path))];
    for (const client of clients) {
      for (const { path, method, op } of ordered) {
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
        const query = (op.parameters ?? []).filter((p) => p.in === 'query');
        const fill = (value: (name: string) => string) => path.replace(/\{(\w+)\}/g, (_, n: string) => enc(value(n)));
        const urls = pathParams.length
          ? [ids[0]!, ids[0]!.toUpperCase(), ids[2]!, 'not-a-uuid', NUL, 'x'.repeat(5000)].map((v) => fill(() => v))
          : [path];
        const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
        // A principal the operation refuses outright (its well-formed request answers 401 or 403)
        // gets every malformed path and the broken bodies, but not each field's mutations: those
        // exercise the route's validation, which is the same for every principal and is driven
        // through the principals the operation accepts.
        const refused = [401, 403].includes(
          method === 'get' || method === 'delete' ? await send(client, method, urls[0]!) : await send(client, method, urls[0]!, sample(jsonSchema, ids)),
        );
        for (const url of urls) {
          if (method === 'get' || method === 'delete') {
            if (url !== urls[0]) await send(client, method, url);
            // A path the route refuses never reaches its query: the query's mutations go with the well-formed ids only, as the bodies do.
            if (refused || (url !== urls[0] && url !== urls[2])) continue;
            for (const q of query) {
              for (const w of wrongValues(q.schema)) {
                const v = typeof w === 'string' ? w.slice(0, 3000) : JSON.stringify(w).slice(0, 3000);
                await send(client, method, `${url}?${enc(q.name)}=${enc(v)}`);
              }
            }
            continue;
          }
          if (url !== urls[0] && url !== urls[2]) {
            await send(client, method, url, sample(jsonSchema, ids));
            continue;
          }
          // The well-formed body already went to the first path as the probe.
          for (const body of refused ? [{}, null, deep(2000)] : bodies(jsonSchema, ids).slice(url === urls[0] ? 1 : 0)) await send(client, method, url, body);
          await send(client, method, url, '{"broken json', 'application/json');
          await send(client, method, url, 'plain text', 'text/plain');
          await send(client, method, url, '--x\r\nbroken', 'multipart/form-data');
          await send(client, method, url, '\u0000\u0001', 'application/octet-stream');
        }
      }
    }
    console.warn(`api fuzz [${ctx().store}]: ${operations.length} operations × ${clients.length} principals, ${counts.requests} requests; statuses ${[...counts.byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`);
    expect(failures).toEqual([]);
  });
});
