/**
 * The patient's drawn signature arrives as a PNG data URL from the tablet's
 * canvas. It is decoded (not just pattern-matched) so that a corrupt, oversized
 * or blank image is refused before anything is signed.
 */
import { PNG } from 'pngjs';
import { invalidField } from '../../errors.ts';

const FIELD = 'patientSignaturePng';
/** A signature must leave at least this many inked pixels (a dot or a stray tap is not a signature). */
const MIN_INK_PIXELS = 150;

export function decodeSignaturePng(dataUrl: string): Buffer {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const bytes = Buffer.from(base64, 'base64');
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch {
    throw invalidField(FIELD, 'is not a readable PNG image');
  }
  if (png.width < 100 || png.height < 40 || png.width > 3000 || png.height > 1500) {
    throw invalidField(FIELD, `must be between 100×40 and 3000×1500 pixels (got ${png.width}×${png.height})`);
  }
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
    if (a > 64 && r + g + b < 600) ink++;
  }
  if (ink < MIN_INK_PIXELS) throw invalidField(FIELD, 'is blank: the patient must draw a signature');
  return bytes;
}
