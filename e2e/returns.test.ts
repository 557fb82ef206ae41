import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatTicketNumber } from '../src/modules/brands/index.ts';
import { login, newContext, screenshot, SERVER_NOW, useServerAndBrowser } from './harness.ts';

/** Signs in through the API of a browser context (its cookie then serves the pages too); gives the CSRF token for writes. */
async function apiLogin(request: APIRequestContext, baseUrl: string, email: string): Promise<string> {
  const res = await request.post(`${baseUrl}/api/v1/auth/login`, { data: { email, password: 'apres-demo' } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** Issue 12, SPEC §9 scenario 5 (seed 004) in Chromium: the return from the portal to the counter. */
describe('returns in Chromium', () => {
  const env = useServerAndBrowser();

  it('a customer requests a return, the desk authorises it, the customer prints the label, the counter finds the parcel and flags the missing battery', async () => {
    const base = env.server.url;
    const customer = await newContext(env.browser, { locale: 'ro-RO', viewport: { width: 1280, height: 900 } });
    const csrf = await apiLogin(customer.request, base, 'client@smart-id.example');
    const brands = (await (await customer.request.get(`${base}/api/v1/brands`)).json()) as { items: { id: string; slug: string }[] };
    const created = await customer.request.post(`${base}/api/v1/tickets`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        brandId: brands.items.find((b) => b.slug === 'smart-id')!.id,
        subject: 'Terminalul SIDT5 nu mai pornește',
        description: 'Terminalul nu mai pornește după actualizare.',
        serialNumbers: ['SIDT5-310577'],
        customFields: { senderName: 'Maria Ionescu', senderAddress: 'Str. Lipscani 12\nBucurești', contactPerson: 'Maria Ionescu', contactPhone: '+40 721 000 111' },
      },
    });
    expect(created.status()).toBe(201);
    const { id, number } = (await created.json()) as { id: string; number: string };

    // The customer asks for the return from her ticket.
    const page = await customer.newPage();
    await page.goto(`${base}/portal/tickets/${id}`);
    const panel = page.getByTestId('return-panel');
    await panel.getByTestId('return-unit').first().click();
    await panel.getByTestId('return-request').click();
    await expect.poll(() => panel.getByTestId('return-state').getAttribute('data-state')).toBe('requested');
    expect(await panel.getByTestId('return-number').innerText()).toContain(number);
    expect(await panel.getByTestId('return-next').innerText()).toContain('verifică garanția');
    await screenshot(page, 'portal-return-requested-ro');

    // The desk authorises it from the ticket.
    const agent = await newContext(env.browser, { locale: 'ro-RO', viewport: { width: 1400, height: 900 } });
    const desk = await agent.newPage();
    await login(desk, base, 'agent@smart-id.example');
    await desk.goto(`${base}/agent/tickets/${id}`);
    await desk.getByTestId('return-event-authorise').click();
    await expect.poll(() => desk.getByTestId('return-state').getAttribute('data-state')).toBe('authorised');
    await screenshot(desk, 'agent-return-authorised-ro');

    // The customer chooses the courier; the label is there, and its codes read the ticket number.
    await page.reload();
    await panel.getByTestId('return-event-arrange_shipment').click();
    await page.getByTestId('return-mode-courier').click();
    await page.getByTestId('return-carrier').fill('Fan Courier');
    await page.getByTestId('return-confirm').click();
    await expect.poll(() => panel.getByTestId('return-state').getAttribute('data-state')).toBe('awaiting_parcel');
    const href = await panel.getByTestId('return-label').getAttribute('href');
    const label = await customer.request.get(`${base}${href}`);
    expect(label.headers()['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-e2e-label-'));
    fs.writeFileSync(path.join(dir, 'label.pdf'), await label.body());
    execFileSync('pdftoppm', ['-png', '-r', '200', '-singlefile', path.join(dir, 'label.pdf'), path.join(dir, 'label')]);
    const codes = execFileSync('zbarimg', ['--quiet', path.join(dir, 'label.png')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').sort();
    expect(codes).toEqual([`CODE-128:${number}`, `QR-Code:${number}`]);
    await screenshot(page, 'portal-return-awaiting-parcel-ro');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'portal-return-awaiting-parcel-ro-390');

    // At the counter: a mistyped number is caught by its check digit, the right one finds the parcel.
    await desk.goto(`${base}/agent/receiving`);
    const scan = desk.getByTestId('receiving-number');
    // Ready for the scanner: the number field has the focus.
    await expect.poll(() => scan.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true);
    const typo = number.slice(0, -1) + String((Number(number.at(-1)) + 1) % 10);
    await scan.fill(typo);
    await scan.press('Enter');
    await expect.poll(() => desk.getByText('greșeală de tastare', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(desk, 'receiving-check-digit-ro');
    // A parcel whose number leads to nothing is recorded, never lost.
    await scan.fill(formatTicketNumber('SID-{SEQ:6}{CHECK}', 999_999, 2026));
    await scan.press('Enter');
    await desk.getByTestId('unexpected-parcel').waitFor();
    await desk.getByTestId('unexpected-sender').fill('Magazin ABC SRL, Cluj');
    await screenshot(desk, 'receiving-unexpected-parcel-ro');
    await desk.getByTestId('unexpected-save').click();
    await expect.poll(() => desk.getByTestId('unexpected-parcel').count()).toBe(0);
    await scan.fill(number);
    await scan.press('Enter');
    const parcel = desk.getByTestId('receiving-parcel');
    await parcel.waitFor();
    // Only the cradle came: the return goes on hold, the battery named.
    await parcel.getByTestId('receiving-accessory-cradle').click();
    // A photo of the scratched casing, taken at the counter: it goes on the ticket with the record.
    const photo = path.join(dir, 'colet.png');
    fs.writeFileSync(photo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    await parcel.locator('input[type="file"]').setInputFiles(photo);
    await screenshot(desk, 'receiving-parcel-ro');
    await parcel.getByTestId('receiving-record').click();
    await expect.poll(() => desk.getByTestId('receiving-parcel').getAttribute('data-state')).toBe('on_hold');
    await screenshot(desk, 'receiving-on-hold-ro');
    await desk.setViewportSize({ width: 390, height: 844 });
    await screenshot(desk, 'receiving-on-hold-ro-390');
    // The desk's returns queue lists it under "on hold".
    await desk.setViewportSize({ width: 1400, height: 900 });
    await desk.getByTestId('nav-returns').click();
    await desk.getByText('În așteptare', { exact: true }).first().click();
    await desk.locator(`[data-testid="returns-row"][data-number="${number}"]`).waitFor();
    await screenshot(desk, 'agent-returns-on-hold-ro');

    // The desk finds the photo on the ticket, as its internal note.
    const notes = (await (await agent.request.get(`${base}/api/v1/tickets/${id}/entries`)).json()) as { items: { kind: string; attachments: { filename: string }[] }[] };
    expect(notes.items.find((e) => e.kind === 'internal_note')?.attachments.map((a) => a.filename)).toEqual(['colet.png']);
    // The customer reads what is missing, in Romanian.
    await page.reload();
    await expect.poll(() => panel.getByTestId('return-state').getAttribute('data-state')).toBe('on_hold');
    expect(await panel.getByTestId('return-missing').innerText()).toContain('Acumulator');
    await screenshot(page, 'portal-return-on-hold-ro-390');
    await agent.close();
    await customer.close();
  });
});

/** Issue 13, SPEC §9 scenario 5 (seed 004) in Chromium: diagnosis, a quote needing a part out of stock, accepted in the portal, the board. */
describe('the workshop in Chromium', () => {
  const env = useServerAndBrowser();

  it('a technician diagnoses and quotes, the customer accepts the quote in her portal, the part goes on order and the board shows the unit waiting for it', async () => {
    const base = env.server.url;
    const customer = await newContext(env.browser, { locale: 'ro-RO', viewport: { width: 1280, height: 900 } });
    const agent = await newContext(env.browser, { locale: 'ro-RO', viewport: { width: 1400, height: 900 } });
    const csrf = await apiLogin(customer.request, base, 'client@smart-id.example');
    const deskCsrf = await apiLogin(agent.request, base, 'agent@smart-id.example');
    const brands = (await (await customer.request.get(`${base}/api/v1/brands`)).json()) as { items: { id: string; slug: string }[] };
    const created = await customer.request.post(`${base}/api/v1/tickets`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        brandId: brands.items.find((b) => b.slug === 'smart-id')!.id,
        subject: 'Ecranul nu mai răspunde',
        description: 'Ecranul terminalului SIDT5-310578 nu mai răspunde la atingere.',
        serialNumbers: ['SIDT5-310578'],
        customFields: { senderName: 'Maria Ionescu', senderAddress: 'Str. Lipscani 12\nBucurești', contactPerson: 'Maria Ionescu', contactPhone: '+40 721 000 111' },
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // The return up to the bench, through the API (the returns test walks these pages).
    const units = (await (await customer.request.get(`${base}/api/v1/tickets/${id}/units`)).json()) as { items: { unit: { id: string } | null }[] };
    const unitId = units.items[0]!.unit!.id;
    expect((await customer.request.post(`${base}/api/v1/tickets/${id}/rma`, { headers: { 'x-csrf-token': csrf }, data: { unitIds: [unitId], customerAcceptsCharges: true } })).status()).toBe(201);
    const step = async (ctx: typeof agent, token: string, data: Record<string, unknown>) => expect((await ctx.request.post(`${base}/api/v1/tickets/${id}/rma/events`, { headers: { 'x-csrf-token': token }, data })).status()).toBe(200);
    await step(agent, deskCsrf, { event: 'authorise' });
    await step(customer, csrf, { event: 'arrange_shipment', inboundMode: 'courier' });
    await step(agent, deskCsrf, { event: 'receive', received: [{ unitId, accessories: ['battery', 'cradle'] }] });
    await step(agent, deskCsrf, { event: 'start_workshop' });

    // The technician diagnoses on the ticket: findings, an hour of labour, the display out of stock.
    const desk = await agent.newPage();
    await desk.goto(`${base}/agent/tickets/${id}`);
    const form = desk.getByTestId('diagnosis-form');
    await form.getByTestId('diagnosis-findings').fill('Ecran tactil fisurat intern.');
    await form.getByTestId('diagnosis-minutes').fill('60');
    await form.getByTestId('diagnosis-part').click();
    await desk.getByRole('option', { name: /SID-DSP-T5/ }).click();
    await form.getByTestId('diagnosis-add-part').click();
    await screenshot(desk, 'agent-workshop-diagnosis-ro');
    await form.getByTestId('diagnosis-save').click();
    const repair = desk.getByTestId('repair');
    await expect.poll(() => repair.getAttribute('data-state')).toBe('diagnosing');
    await desk.getByTestId('decide').click();
    await expect.poll(() => repair.getAttribute('data-state')).toBe('awaiting_customer');
    expect(await desk.getByTestId('repair-decision').getAttribute('data-rule')).toBe('out_of_coverage_repairable');
    expect(await desk.getByTestId('quote-total').innerText()).toMatch(/248,05/);
    await screenshot(desk, 'agent-workshop-quote-ro');

    // The customer reads the quote in her portal, in Romanian, and accepts it.
    const page = await customer.newPage();
    await page.goto(`${base}/portal/tickets/${id}`);
    const quote = page.getByTestId('quote');
    await quote.waitFor();
    expect(await quote.getByTestId('quote-total').innerText()).toMatch(/248,05/);
    expect(await page.getByTestId('repair-decision').innerText()).toContain('nu mai acoperă');
    await screenshot(page, 'portal-workshop-quote-ro');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'portal-workshop-quote-ro-390');
    await quote.getByTestId('quote-accept').click();
    await expect.poll(() => page.getByTestId('repair').getAttribute('data-state')).toBe('awaiting_parts');
    await expect.poll(() => quote.getAttribute('data-state')).toBe('accepted');
    expect(await page.getByTestId('repair-estimate').innerText()).toMatch(/între 24 și 51 de zile/);
    expect(await page.getByTestId('repair-parts').innerText()).toContain('comandată');
    await screenshot(page, 'portal-workshop-accepted-ro-390');

    // The board: the unit waits for its part; on a tablet and a phone too.
    await desk.goto(`${base}/agent/workshop`);
    const column = desk.getByTestId('board-column-parts');
    await column.getByTestId('board-card').first().waitFor();
    expect(await column.getByTestId('board-card').first().innerText()).toContain('SIDT5-310578');
    // The display is out of stock: on order for this repair, in the parts running short.
    await desk.locator('[data-testid="low-stock-part"][data-reference="SID-DSP-T5"]').waitFor();
    await screenshot(desk, 'agent-workshop-board-ro');
    await desk.setViewportSize({ width: 820, height: 1180 });
    await screenshot(desk, 'agent-workshop-board-ro-820');
    await desk.setViewportSize({ width: 390, height: 844 });
    await screenshot(desk, 'agent-workshop-board-ro-390');
    await agent.close();
    await customer.close();
  });

  it('the desk schedules an on-site visit under the contract (seed 000), the technician writes the report on a phone and completes it', async () => {
    const base = env.server.url;
    const agent = await newContext(env.browser, { locale: 'fr-FR', viewport: { width: 1400, height: 900 } });
    const csrf = await apiLogin(agent.request, base, 'agent@carri.example');
    const brands = (await (await agent.request.get(`${base}/api/v1/brands`)).json()) as { items: { id: string; slug: string }[] };
    const created = await agent.request.post(`${base}/api/v1/tickets`, {
      headers: { 'x-csrf-token': csrf },
      data: { brandId: brands.items.find((b) => b.slug === 'carri')!.id, channel: 'phone', subject: 'Serveur bloqué au démarrage', description: 'Le dépannage téléphonique n’a pas suffi.', serialNumbers: ['CS540-2291-A7'], requesterEmail: 'client@carri.example', customFields: { troubleshootingSteps: 'Redémarrage, retrait des disques', physicalAccess: 'yes' } },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const options = (await (await agent.request.get(`${base}/api/v1/tickets/${id}/visits`)).json()) as { units: { unitId: string }[]; technicians: { id: string }[] };
    // The first working morning from two days on, in Paris: a weekend or a holiday is refused, the next day tried.
    let scheduled = false;
    for (let d = 2; d < 12 && !scheduled; d++) {
      const day = new Date(SERVER_NOW.getTime() + d * 86_400_000).toISOString().slice(0, 10);
      const res = await agent.request.post(`${base}/api/v1/tickets/${id}/visits`, {
        headers: { 'x-csrf-token': csrf },
        data: { unitId: options.units[0]!.unitId, technicianId: options.technicians[0]!.id, address: '12 rue des Serveurs, 93100 Montreuil', windowStart: `${day}T09:00:00+01:00`, windowEnd: `${day}T11:00:00+01:00` },
      });
      if (res.status() === 201 || res.status() === 200) scheduled = true;
      else expect(res.status(), await res.text()).toBe(400);
    }
    expect(scheduled).toBe(true);
    // The desk sees it on the ticket.
    const desk = await agent.newPage();
    await desk.goto(`${base}/agent/tickets/${id}`);
    await desk.getByTestId('visit-line').first().waitFor();
    await screenshot(desk, 'agent-visit-scheduled-fr');

    // The technician, on a phone, writes the report and completes the visit.
    const tech = await newContext(env.browser, { locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await tech.newPage();
    await login(phone, base, 'tech@carri.example');
    await phone.goto(`${base}/agent/visits`);
    const card = phone.getByTestId('visit-card').first();
    await card.waitFor();
    await card.getByTestId('report-work').fill('Remplacement de l’alimentation redondante, tests au démarrage.');
    await card.getByTestId('report-outcome-resolved').click();
    await card.getByTestId('report-minutes').fill('90');
    await screenshot(phone, 'technician-visit-report-fr-390');
    // Nothing wider than the phone: the report reads without scrolling sideways.
    expect(await phone.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await card.getByTestId('report-complete').click();
    await expect.poll(() => phone.getByTestId('visit-card').first().getAttribute('data-state')).toBe('done');
    await screenshot(phone, 'technician-visit-done-fr-390');
    await tech.close();
    await agent.close();
  });
});

/** Issue 12, SPEC §9 scenario 3 (seed 002) in Chromium: the reseller requests, its distributor approves, the desk authorises. */
describe('returns through the reseller chain in Chromium', () => {
  const env = useServerAndBrowser();

  it('the reseller requests the return of both chargers, endorses it; the distributor approves; the desk authorises', async () => {
    const base = env.server.url;
    const open = async (email: string) => {
      const context = await newContext(env.browser, { locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await login(page, base, email);
      return { context, page };
    };
    const reseller = await open('reseller@charge-amps.example');
    await reseller.page.getByTestId('ticket-row').filter({ hasText: 'Laddboxen slutar ladda' }).first().click();
    const panel = reseller.page.getByTestId('return-panel');
    await expect.poll(() => panel.getByTestId('return-unit').count()).toBe(2);
    await panel.getByTestId('return-unit').nth(0).click();
    await panel.getByTestId('return-unit').nth(1).click();
    // One charger is long out of warranty: the estimate is accepted up front.
    await panel.getByTestId('return-charges').click();
    await screenshot(reseller.page, 'portal-reseller-return-request-sv');
    await panel.getByTestId('return-request').click();
    await expect.poll(() => panel.getByTestId('return-state').getAttribute('data-state')).toBe('requested');
    const url = reseller.page.url();
    await panel.getByTestId('return-event-endorse').click();
    await expect.poll(() => panel.getByTestId('return-state').getAttribute('data-state')).toBe('endorsed');
    await screenshot(reseller.page, 'portal-reseller-return-endorsed-sv');
    await reseller.context.close();

    const distributor = await open('distributor@charge-amps.example');
    await distributor.page.goto(url);
    const approving = distributor.page.getByTestId('return-panel');
    await approving.getByTestId('return-event-approve').click();
    await expect.poll(() => approving.getByTestId('return-state').getAttribute('data-state')).toBe('approved');
    await distributor.context.close();

    const desk = await open('agent@charge-amps.example');
    await desk.page.goto(url.replace('/portal/', '/agent/'));
    const deciding = desk.page.getByTestId('return-panel');
    await deciding.getByTestId('return-event-authorise').click();
    await expect.poll(() => deciding.getByTestId('return-state').getAttribute('data-state')).toBe('authorised');
    expect(await deciding.getByTestId('return-timeline').innerText()).toMatch(/Begärd[\s\S]*Tillstyrkt av återförsäljaren[\s\S]*Godkänd av distributören[\s\S]*Godkänd/);
    await screenshot(desk.page, 'agent-return-channel-authorised-sv');
    await desk.context.close();
  });
});
