import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Clock } from '../platform/clock/clock.ts';
import { type AppConfig, loadConfig } from '../platform/config/config.ts';
import path from 'node:path';
import { buildApp } from '../app/app.ts';
import { createServices } from '../app/services.ts';
import { DEMO_PASSWORD } from '../seeds/seed-demo.ts';
import { testClock } from './clock.ts';
import type { StoreContext } from './db.ts';

export async function buildTestApp(ctx: StoreContext, clock: Clock = testClock(), configPatch: Partial<AppConfig> = {}): Promise<FastifyInstance> {
  // The test's SMTP sinks, Dovecot and webhook receivers listen on loopback.
  const config: AppConfig = {
    ...loadConfig({ APRES_DATA_DIR: ctx.filesDir }),
    filesDir: ctx.filesDir,
    mailDir: path.join(ctx.filesDir, 'mail'),
    maxAttachmentBytes: 64 * 1024,
    maxMessageBytes: 1024 * 1024,
    allowPrivateTargets: true,
    ...configPatch,
  };
  // The same wiring as main.ts; the test plays the workers' part itself where it needs them.
  const services = createServices(config, ctx.database, clock);
  await services.jobs.start();
  const app = await buildApp({ ...services, logger: process.env.APRES_TEST_LOG ? { level: 'error' } : false });
  app.addHook('onClose', () => services.jobs.stop());
  await app.ready();
  return app;
}

export interface Client {
  email: string;
  userId: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** Logs in through the real endpoint and returns a client that sends the cookie and CSRF token. */
export async function loginAs(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'apres_session')!;
  const { csrfToken, user } = res.json() as { csrfToken: string; user: { id: string } };
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie: `apres_session=${cookie.value}`, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
  return {
    email,
    userId: user.id,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload, headers) => request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as never }), ...(headers ? { headers } : {}) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as never }),
  };
}

/** A multipart body with one file in the part `file`, as a browser sends an upload. */
export function multipartFile(filename: string, contentType: string, content: Buffer) {
  const boundary = `----apres${crypto.randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
