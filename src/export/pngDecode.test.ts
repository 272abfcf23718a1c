import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, distinctColours, pngSize } from './pngDecode';

/** Encodes RGBA pixels, row y using filter y % 5, so every filter type is exercised. */
function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  const px = (x: number, y: number) => (x < 0 || y < 0 ? 0 : rgba[y * stride + x]!);
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const [a, b, c] = [px(x - 4, y), px(x, y - 1), px(x - 4, y - 1)];
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter]!;
      raw[y * (stride + 1) + 1 + x] = (px(x, y) - predicted) & 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('decodePng', () => {
  it('reads back what was encoded, through all five row filters', () => {
    const [w, h] = [7, 10];
    const rgba = new Uint8Array(w * h * 4).map((_, i) => (i * 37 + (i >> 3) * 11) & 0xff);
    const png = encodePng(w, h, rgba);
    expect(pngSize(png)).toEqual({ width: 7, height: 10 });
    const img = decodePng(png);
    expect(img.width).toBe(7);
    expect(Array.from(img.rgba)).toEqual(Array.from(rgba));
  });

  it('counts colours: one for a flat image, more for a varied one', () => {
    const flat = decodePng(encodePng(4, 4, new Uint8Array(64).fill(200)));
    expect(distinctColours(flat)).toBe(1);
    const varied = decodePng(encodePng(4, 4, new Uint8Array(64).map((_, i) => i * 7)));
    expect(distinctColours(varied)).toBeGreaterThan(4);
  });

  it('rejects a file that is not a PNG', () => {
    expect(() => pngSize(new Uint8Array(30))).toThrow(/not a PNG/);
  });
});
