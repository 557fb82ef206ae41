import nodemailer from 'nodemailer';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, newContext, useServerAndBrowser } from './harness.ts';

/**
 * Issue 9, finding 1: files a customer mails must never run in the application's origin when an
 * agent opens them. Each payload, if it ran, would request /pwned-<name> from the app; the test
 * watches every request of the agent's browser. A control page served as real SVG proves the
 * watcher sees a payload that does run.
 */
const pwn = (name: string) => `fetch('/pwned-${name}')`;

async function mail(smtpPort: number, subject: string, attachments: { filename: string; contentType: string; content: string | Buffer }[]) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  await transport.sendMail({ from: 'Mallory <mallory@attacker.example>', to: 'sav@carri.example', subject, text: 'Voir pièces jointes', attachments });
  transport.close();
}

interface Att { id: string; filename: string; contentType: string }

/** The attachments of the newest ticket with this subject, read through the API as the signed-in agent. */
async function attachmentsOf(page: Page, subject: string): Promise<Att[]> {
  let found: Att[] = [];
  await expect
    .poll(async () => {
      found = await page.evaluate(async (s) => {
        const list = (await (await fetch('/api/v1/tickets?limit=50')).json()) as { items: { id: string; subject: string }[] };
        const t = list.items.find((x) => x.subject === s);
        if (!t) return [];
        const entries = (await (await fetch(`/api/v1/tickets/${t.id}/entries`)).json()) as { items: { attachments: Att[] }[] };
        const ticket = (await (await fetch(`/api/v1/tickets/${t.id}`)).json()) as { attachments?: Att[] };
        return [...(ticket.attachments ?? []), ...entries.items.flatMap((e) => e.attachments)];
      }, subject);
      return found.length;
    }, { timeout: 30_000 })
    .toBeGreaterThan(0);
  return found;
}

describe('hostile attachments in Chromium', () => {
  const env = useServerAndBrowser();

  it('an agent opening mailed SVG, HTML, XHTML, XML, PDF-with-JavaScript and polyglot files runs nothing', async () => {
    // 1. The attacker mails a script first and learns its id (as a customer would from the portal).
    await mail(env.server.smtpPort, 'Script', [{ filename: 'helper.js', contentType: 'application/javascript', content: pwn('js') }]);
    const context = await newContext(env.browser, { acceptDownloads: true });
    const pwned: string[] = [];
    context.on('request', (r) => {
      if (r.url().includes('/pwned-')) pwned.push(r.url());
    });
    await context.route('**/pwned-*', (route) => route.fulfill({ status: 204 }));
    const page = await context.newPage();
    await login(page, env.server.url, 'agent@carri.example');
    const [script] = await attachmentsOf(page, 'Script');
    expect(script).toBeDefined();
    const scriptUrl = `/api/v1/attachments/${script!.id}`;

    // 2. Then the files that try to run it, or to run their own code.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><script href="${scriptUrl}"/><script>${pwn('svg')}</script></svg>`;
    const pdf = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (this.submitForm('/pwned-pdf')) >> >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
    await mail(env.server.smtpPort, 'Fichiers', [
      { filename: 'schema.svg', contentType: 'image/svg+xml', content: svg },
      { filename: 'photo.png', contentType: 'image/png', content: svg },
      { filename: 'page.html', contentType: 'text/html', content: `<html><body><script src="${scriptUrl}"></script><script>${pwn('html')}</script></body></html>` },
      { filename: 'page.xhtml', contentType: 'application/xhtml+xml', content: `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><script>${pwn('xhtml')}</script></body></html>` },
      { filename: 'data.xml', contentType: 'text/xml', content: `<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">${pwn('xml')}</x:script>` },
      { filename: 'facture.pdf', contentType: 'application/pdf', content: pdf },
      { filename: 'image.gif', contentType: 'text/html', content: `GIF89a/*<html><script>${pwn('polyglot')}</script>*/` },
    ]);
    const files = await attachmentsOf(page, 'Fichiers');
    expect(files.map((f) => f.filename).sort()).toEqual(['data.xml', 'facture.pdf', 'image.gif', 'page.html', 'page.xhtml', 'photo.png', 'schema.svg']);
    // Stored as what the bytes are: only the PDF and the GIF header are recognised.
    const typeOf = (n: string) => files.find((f) => f.filename === n)!.contentType;
    expect(typeOf('schema.svg')).toBe('application/octet-stream');
    expect(typeOf('photo.png')).toBe('application/octet-stream');
    expect(typeOf('page.html')).toBe('application/octet-stream');
    expect(typeOf('facture.pdf')).toBe('application/pdf');
    expect(typeOf('image.gif')).toBe('image/gif');

    // 3. The agent opens each one in the browser.
    const responses: Response[] = [];
    for (const f of [script!, ...files]) {
      const url = `${env.server.url}/api/v1/attachments/${f.id}`;
      const tab = await context.newPage();
      const downloaded = tab.waitForEvent('download', { timeout: 10_000 }).then(() => true, () => false);
      const response = await tab.goto(url).catch(() => null);
      const inline = f.contentType === 'application/pdf' || f.contentType === 'image/gif';
      if (response) responses.push(response);
      if (!inline) expect(await downloaded, `${f.filename} is offered as a download`).toBe(true);
      await tab.close();
    }
    // Every attachment answer: nosniff, a sandbox, and never a type a page could run.
    const direct = await page.evaluate(async (ids) => Promise.all(ids.map(async (id) => {
      const r = await fetch(`/api/v1/attachments/${id}`);
      return { type: r.headers.get('content-type'), nosniff: r.headers.get('x-content-type-options'), csp: r.headers.get('content-security-policy'), disposition: r.headers.get('content-disposition') };
    })), [script!.id, ...files.map((f) => f.id)]);
    for (const h of direct) {
      expect(h.nosniff).toBe('nosniff');
      expect(h.csp).toContain('sandbox');
      expect(h.type).toMatch(/^(application\/octet-stream|application\/pdf|image\/gif)$/);
      if (h.type === 'application/octet-stream') expect(h.disposition).toMatch(/^attachment;/);
    }
    expect(responses.every((r) => r.status() === 200)).toBe(true);

    // 4. No page of the app can load an attachment as a script or a style.
    await page.goto(`${env.server.url}/agent`);
    const loaded = await page.evaluate(async (src) => {
      // The test is type-checked without the DOM library; this runs in the page.
      type El = { src: string; rel: string; href: string; onload: (() => void) | null; onerror: (() => void) | null };
      const document = (globalThis as unknown as { document: { createElement(tag: string): El; head: { appendChild(e: El): void } } }).document;
      const asScript = await new Promise<string>((resolve) => {
        const s = document.createElement('script');
        s.src = src;
        s.onload = () => resolve('loaded');
        s.onerror = () => resolve('refused');
        document.head.appendChild(s);
      });
      const asStyle = await new Promise<string>((resolve) => {
        const l = document.createElement('link');
        l.rel = 'stylesheet';
        l.href = src;
        l.onload = () => resolve('loaded');
        l.onerror = () => resolve('refused');
        document.head.appendChild(l);
      });
      return { asScript, asStyle };
    }, scriptUrl);
    expect(loaded).toEqual({ asScript: 'refused', asStyle: 'refused' });

    // 5. The control: the same SVG served as real SVG by a stand-in route does run, and is seen.
    expect(pwned).toEqual([]);
    await page.route('**/control.svg', (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg.replace(`<script href="${scriptUrl}"/>`, '') }));
    await page.goto(`${env.server.url}/control.svg`);
    await expect.poll(() => pwned.length).toBe(1);
    expect(pwned[0]).toContain('/pwned-svg');
    await context.close();
  });
});
