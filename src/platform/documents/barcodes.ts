import type BwipJs from 'bwip-js';
import { createRequire } from 'node:module';

// Loaded with the first label: a start-up and an idle desk need no barcode encoder.
const require = createRequire(import.meta.url);
let encoder: typeof BwipJs | undefined;
const bwip = () => (encoder ??= require('bwip-js') as typeof BwipJs);

/**
 * Barcodes drawn into a PDF as vectors: bwip-js encodes (its `raw` output: the bar widths of a
 * Code 128, the modules of a QR code) and the bars are PDF rectangles — sharp at any printer's
 * resolution, and without rendering and compressing a bitmap for every label.
 */
export function drawCode128(doc: PDFKit.PDFDocument, text: string, box: { x: number; y: number; width: number; height: number }): void {
  const [symbol] = bwip().raw({ bcid: 'code128', text }) as { sbs: number[] }[];
  const widths = symbol!.sbs;
  const modules = widths.reduce((a, b) => a + b, 0);
  // A quiet zone of ten modules on each side, as scanners need.
  const unit = box.width / (modules + 20);
  let x = box.x + 10 * unit;
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i]! * unit;
    if (i % 2 === 0) doc.rect(x, box.y, w, box.height);
    x += w;
  }
  doc.fill('#000');
}

/** A QR code (error correction M) in a square of `size` points, its four-module quiet zone included. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, box: { x: number; y: number; size: number }): void {
  const [symbol] = bwip().raw({ bcid: 'qrcode', text, eclevel: 'M' } as Parameters<ReturnType<typeof bwip>['raw']>[0]) as { pixs: number[]; pixx: number; pixy: number }[];
  const { pixs, pixx, pixy } = symbol!;
  const unit = box.size / (Math.max(pixx, pixy) + 8);
  for (let row = 0; row < pixy; row++) {
    // One rectangle per run of dark modules in a row.
    let col = 0;
    while (col < pixx) {
      if (!pixs[row * pixx + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < pixx && pixs[row * pixx + col]) col++;
      doc.rect(box.x + (4 + start) * unit, box.y + (4 + row) * unit, (col - start) * unit, unit);
    }
  }
  doc.fill('#000');
}
