import { freePort } from './support.ts';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/**
 * A real Dovecot IMAP server for tests, in the foreground as our child process: its own config,
 * runtime and mail folders under a temp dir, 127.0.0.1 on a free high port, no TLS, plaintext
 * login against a passwd-file, maildir storage. Debian's `dovecot-imapd` package provides it
 * (`apt-get install -y dovecot-imapd`; `.ci/run` installs it). Tests that need it use
 * `describe.skipIf(!DOVECOT_AVAILABLE)` and print `DOVECOT_SKIP_REASON`: never a fake pass.
 */
export const DOVECOT_BIN = '/usr/sbin/dovecot';
export const DOVECOT_AVAILABLE = fs.existsSync(DOVECOT_BIN);
export const DOVECOT_SKIP_REASON = `IMAP integration tests skipped: ${DOVECOT_BIN} is missing (apt-get install -y dovecot-imapd)`;

export interface DovecotUser {
  user: string;
  password: string;
}

export interface DovecotServer {
  host: string;
  port: number;
  dir: string;
  logPath: string;
  /** Settings in the shape of `mailbox.imap`, for one of the users. */
  imapSettings(user: string, folder?: string): { host: string; port: number; secure: false; user: string; password: string; folder?: string };
  /** A logged-in imapflow client; close it with `logout()`. */
  client(user: string): Promise<ImapFlow>;
  /** Stores a raw message in the user's folder as a mail client would (IMAP APPEND). */
  appendMessage(user: string, raw: Buffer | string, folder?: string): Promise<{ uid: number | undefined; uidValidity: bigint | undefined }>;
  stop(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number, logPath: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const log = fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8').slice(-2000) : '(no log)';
  throw new Error(`Dovecot did not listen on 127.0.0.1:${port} (exit code ${child.exitCode}). Log:\n${log}`);
}

function dovecotMajorMinor(): [number, number] {
  const out = execFileSync(DOVECOT_BIN, ['--version'], { encoding: 'utf8' });
  const m = out.match(/^(\d+)\.(\d+)/);
  return m ? [Number(m[1]), Number(m[2])] : [2, 3];
}

/**
 * Dovecot refuses to give mail access to uid 0, so as root the mail processes run as `nobody`
 * (and the mail folder belongs to it); as any other user, as that user.
 */
function mailOwner(): { uid: number; gid: number } {
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  if (uid !== 0) return { uid, gid };
  const nobody = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((l) => l.split(':'))
    .find((f) => f[0] === 'nobody');
  return nobody ? { uid: Number(nobody[2]), gid: Number(nobody[3]) } : { uid: 65534, gid: 65534 };
}

function configFor(version: [number, number], o: { dir: string; port: number; uid: number; gid: number; logPath: string; passwdPath: string }): string {
  const common = [
    `base_dir = ${o.dir}/run`,
    `state_dir = ${o.dir}/state`,
    `instance_name = apres-test-${o.port}`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'auth_mechanisms = plain login',
    `log_path = ${o.logPath}`,
    `info_log_path = ${o.logPath}`,
    `mail_uid = ${o.uid}`,
    `mail_gid = ${o.gid}`,
    `first_valid_uid = ${Math.min(o.uid, 1)}`,
    `first_valid_gid = ${Math.min(o.gid, 1)}`,
    // IDLE notices new mail at once through inotify; this is the fallback where inotify is missing.
    'mailbox_idle_check_interval = 1 secs',
    // A refused login is answered at once instead of after Dovecot's 2 s anti-guessing delay, and
    // the tests' deliberate failures from 127.0.0.1 do not slow the next logins (auth penalty).
    'auth_failure_delay = 0',
    'service anvil {\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}',
  ];
  if (version[0] > 2 || (version[0] === 2 && version[1] >= 4)) {
    // Dovecot 2.4 renamed most settings (written from its documentation; Debian 12 ships 2.3).
    return [
      'dovecot_config_version = 2.4.0',
      'dovecot_storage_version = 2.4.0',
      ...common,
      'auth_allow_cleartext = yes',
      'mail_driver = maildir',
      `mail_home = ${o.dir}/mail/%{user}`,
      'mail_path = ~/Maildir',
      'namespace inbox {\n  inbox = yes\n  separator = /\n}',
      `passdb passwd-file {\n  passwd_file_path = ${o.passwdPath}\n}`,
      `userdb static {\n  fields {\n    uid = ${o.uid}\n    gid = ${o.gid}\n    home = ${o.dir}/mail/%{user}\n  }\n}`,
      `service imap-login {\n  inet_listener imap {\n    listen = 127.0.0.1\n    port = ${o.port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      '',
    ].join('\n');
  }
  return [
    ...common,
    'disable_plaintext_auth = no',
    `mail_location = maildir:~/Maildir`,
    `passdb {\n  driver = passwd-file\n  args = username_format=%u ${o.passwdPath}\n}`,
    `userdb {\n  driver = static\n  args = uid=${o.uid} gid=${o.gid} home=${o.dir}/mail/%u\n}`,
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${o.port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    '',
  ].join('\n');
}

export async function startDovecot(users: DovecotUser[] = [{ user: 'support', password: 'support-secret' }]): Promise<DovecotServer> {
  if (!DOVECOT_AVAILABLE) throw new Error(DOVECOT_SKIP_REASON);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-dovecot-'));
  // The mail processes run as an unprivileged user who must traverse the temp dir.
  fs.chmodSync(dir, 0o755);
  const owner = mailOwner();
  for (const sub of ['run', 'state', 'mail']) fs.mkdirSync(path.join(dir, sub));
  fs.chownSync(path.join(dir, 'mail'), owner.uid, owner.gid);
  const passwdPath = path.join(dir, 'passwd');
  // Read by Dovecot's auth process, which runs as its own unprivileged user. Test passwords only.
  fs.writeFileSync(passwdPath, users.map((u) => `${u.user}:{PLAIN}${u.password}::::::\n`).join(''), { mode: 0o644 });
  const logPath = path.join(dir, 'dovecot.log');
  const configPath = path.join(dir, 'dovecot.conf');
  const port = await freePort();
  fs.writeFileSync(configPath, configFor(dovecotMajorMinor(), { dir, port, ...owner, logPath, passwdPath }));

  // Anything Dovecot says before it has read its config goes to stderr: into the same log.
  const stderr = fs.openSync(logPath, 'a');
  const child = spawn(DOVECOT_BIN, ['-F', '-c', configPath], { cwd: dir, stdio: ['ignore', 'ignore', stderr] });
  fs.closeSync(stderr);
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, child, 10_000, logPath);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }

  const passwordOf = (user: string) => {
    const u = users.find((x) => x.user === user);
    if (!u) throw new Error(`no Dovecot user ${user}`);
    return u.password;
  };
  const client = async (user: string) => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: passwordOf(user) }, logger: false, disableAutoIdle: true });
    await c.connect();
    return c;
  };

  return {
    host: '127.0.0.1',
    port,
    dir,
    logPath,
    imapSettings: (user, folder) => ({ host: '127.0.0.1', port, secure: false, user, password: passwordOf(user), ...(folder ? { folder } : {}) }),
    client,
    appendMessage: async (user, raw, folder = 'INBOX') => {
      const c = await client(user);
      try {
        const res = await c.append(folder, Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'binary'));
        if (!res) throw new Error(`APPEND to ${folder} refused`);
        return { uid: res.uid, uidValidity: res.uidValidity };
      } finally {
        await c.logout();
      }
    },
    stop: async () => {
      if (running()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
