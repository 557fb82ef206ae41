import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTicketNumber, formatTicketNumber } from '../brands/index.ts';
import { type LabelData, renderLabelPdf } from './label-pdf.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-label-'));
/** Kept for a person to look at (CI keeps test-results/). */
const shots = path.resolve('test-results/screenshots');

/** The PDF rendered by pdftoppm at a scanner's resolution, its barcodes decoded by zbarimg, and its text. */
function scan(bytes: Buffer, name: string): { codes: string[]; text: string } {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '200', '-singlefile', file, path.join(tmp, name)]);
  const png = path.join(tmp, `${name}.png`);
  fs.mkdirSync(shots, { recursive: true });
  fs.copyFileSync(png, path.join(shots, `label-${name}.png`));
  const codes = execFileSync('zbarimg', ['--quiet', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').sort();
  return { codes, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

const smartId = (locale: string, over: Partial<LabelData> = {}): LabelData => ({
  number: formatTicketNumber('SID-{SEQ:6}{CHECK}', 4217, 2026),
  locale,
  brand: { name: 'Smart ID Service', accent: '#0b5394' },
  sender: { name: 'Ion Popescu', addressLines: ['Strada Mihai Eminescu 12', '010011 București', 'România'], contactPerson: 'Ion Popescu', phone: '+40 721 000 111' },
  returnAddress: { name: 'Smart ID Service — RMA', addressLines: ['Calea Victoriei 100', '010071 București', 'România'] },
  serials: ['SI-H4-000123', 'SI-H4-000124'],
  refusesCashOnDelivery: true,
  issuedOn: '2026-11-30',
  ...over,
});

/** Issue 12, item 2: the parcel label's barcodes decode to the ticket number, check digit included (seed 004). */
describe('parcel label', () => {
  it('decodes, as Code 128 and as QR, to the ticket number with its check digit', async () => {
    const label = smartId('ro');
    expect(checkTicketNumber('SID-{SEQ:6}{CHECK}', label.number)).toBe('valid');
    const { codes, text } = scan(await renderLabelPdf(label), 'ro');
    expect(codes).toEqual([`CODE-128:${label.number}`, `QR-Code:${label.number}`]);
    // What a person and the carrier read, in the customer's language.
    expect(text).toContain('Etichetă de retur');
    expect(text).toContain(`RMA nr. ${label.number}`);
    expect(text).toContain('Persoană de contact: Ion Popescu');
    expect(text).toContain('+40 721 000 111');
    expect(text).toContain('Calea Victoriei 100');
    expect(text).toContain('SI-H4-000123, SI-H4-000124');
    expect(text).toMatch(/Fără ramburs/);
  });

  it('speaks each language, and says nothing of cash on delivery where the brand accepts it', async () => {
    const number = formatTicketNumber('CS-{YYYY}-{SEQ:6}-{CHECK}', 77, 2026);
    for (const [locale, title] of [['fr', 'Étiquette de retour'], ['en', 'Return label'], ['ru', 'Этикетка для возврата'], ['sv', 'Returetikett']] as const) {
      const { codes, text } = scan(await renderLabelPdf(smartId(locale, { number, refusesCashOnDelivery: false, brand: { name: 'Carri Systems', accent: '#c0392b' } })), locale);
      expect(codes).toEqual([`CODE-128:${number}`, `QR-Code:${number}`]);
      expect(text).toContain(title);
      expect(text).not.toMatch(/cash on delivery|contre remboursement|наложенн|postförskott/i);
    }
  });

  it('gives the same bytes for the same label', async () => {
    expect((await renderLabelPdf(smartId('fr'))).equals(await renderLabelPdf(smartId('fr')))).toBe(true);
  });
});
