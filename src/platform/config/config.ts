import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  APRES_DATA_DIR: z.string().default('./data'),
  APRES_SEED_DEMO: booleanFlag.default(true),
  APRES_COOKIE_SECURE: booleanFlag.default(false),
  APRES_MAX_ATTACHMENT_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  APRES_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  APRES_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(30 * 1024 * 1024),
  /** Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed; unset: none. */
  /** Let webhooks and mailboxes reach loopback, link-local and private addresses (a mail server on the LAN). */
  APRES_ALLOW_PRIVATE_TARGETS: booleanFlag.default(false),
  /** The address users reach Apres at, for links in e-mails (password reset). */
  APRES_PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  APRES_TRUST_PROXY: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** Connections each process keeps to a PostgreSQL server (requests and jobs share them; the event bus holds one more). */
  APRES_DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  /** The embedded store's buffer cache (PostgreSQL's shared_buffers inside PGlite's WASM memory). */
  APRES_EMBEDDED_SHARED_BUFFERS: z.string().regex(/^\d+(kB|MB|GB)$/, 'a size such as 16MB').default('16MB'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  port: number;
  host: string;
  /** Set: a PostgreSQL server. Unset: the embedded PGlite store in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  filesDir: string;
  seedDemo: boolean;
  cookieSecure: boolean;
  maxAttachmentBytes: number;
  /** Built-in SMTP receiver port; 0 turns it off. */
  smtpPort: number;
  maxMessageBytes: number;
  mailDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Proxies trusted for X-Forwarded-For (issue 9, finding 3): never anyone by default. */
  trustProxy: string[];
  /** Webhooks and mailbox servers may be private addresses (issue 9, finding 9): off by default. */
  allowPrivateTargets: boolean;
  /** Links in e-mails start with this (default http://localhost:PORT). */
  publicUrl: string;
  /** Connections per process to a PostgreSQL server. */
  dbPoolSize: number;
  /** shared_buffers of the embedded store: its biggest share of the process's memory. */
  embeddedSharedBuffers: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.APRES_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    seedDemo: e.APRES_SEED_DEMO,
    cookieSecure: e.APRES_COOKIE_SECURE,
    maxAttachmentBytes: e.APRES_MAX_ATTACHMENT_BYTES,
    smtpPort: e.APRES_SMTP_PORT,
    maxMessageBytes: e.APRES_MAX_MESSAGE_BYTES,
    mailDir: path.join(dataDir, 'mail'),
    logLevel: e.LOG_LEVEL,
    allowPrivateTargets: e.APRES_ALLOW_PRIVATE_TARGETS,
    publicUrl: e.APRES_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    embeddedSharedBuffers: e.APRES_EMBEDDED_SHARED_BUFFERS,
    dbPoolSize: e.APRES_DB_POOL_SIZE,
    trustProxy: (e.APRES_TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}
