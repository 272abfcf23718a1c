/**
 * A minimal PNG reader (Node only) so tests can look at the pixels of the figures we
 * write without a new dependency. Handles what browsers and Chromium screenshots
 * produce: 8-bit greyscale, RGB, grey+alpha and RGBA, not interlaced. Anything else is
 * rejected with a message saying what was found.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row after row. */
  rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Width and height from the IHDR chunk, without decoding the image. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG file (bad signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(bytes: Uint8Array): DecodedPng {
  const { width, height } = pngSize(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bitDepth = bytes[24];
  const colorType = bytes[25]!;
  const interlace = bytes[28];
  const channels = CHANNELS[colorType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
  }
  const idat: Uint8Array[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[out + x - channels]! : 0;
      const up = y > 0 ? pixels[out - stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[out - stride + x - channels]! : 0;
      const v = line[x]!;
      const predicted = filter === 0 ? 0 : filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : paeth(left, up, upLeft);
      pixels[out + x] = (v + predicted) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    const [r, g, b, a] =
      channels === 1 ? [pixels[p]!, pixels[p]!, pixels[p]!, 255]
      : channels === 2 ? [pixels[p]!, pixels[p]!, pixels[p]!, pixels[p + 1]!]
      : channels === 3 ? [pixels[p]!, pixels[p + 1]!, pixels[p + 2]!, 255]
      : [pixels[p]!, pixels[p + 1]!, pixels[p + 2]!, pixels[p + 3]!];
    rgba.set([r, g, b, a], i * 4);
  }
  return { width, height, rgba };
}

/**
 * How many distinct colours a region holds (colours quantised to 5 bits per channel so
 * antialiasing noise does not count). A blank or single-colour region gives 1.
 */
export function distinctColours(img: DecodedPng, rect = { x: 0, y: 0, width: img.width, height: img.height }): number {
  const seen = new Set<number>();
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = (y * img.width + x) * 4;
      seen.add(((img.rgba[i]! >> 3) << 15) | ((img.rgba[i + 1]! >> 3) << 10) | ((img.rgba[i + 2]! >> 3) << 5) | (img.rgba[i + 3]! >> 3));
    }
  }
  return seen.size;
}
