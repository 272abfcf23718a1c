import { describe, expect, it } from 'vitest';
import { drawFigure, figureFileName, figureLayout, fitText, type FigureContext } from './figure';

/** Records what is drawn; text is 7 px per character. */
function recorder() {
  const texts: Array<{ text: string; x: number; y: number; font: string }> = [];
  const images: number[][] = [];
  const transforms: number[][] = [];
  const ctx: FigureContext = {
    fillStyle: '', strokeStyle: '', lineWidth: 1, font: '', textBaseline: 'alphabetic',
    setTransform: (...m) => transforms.push(m),
    fillRect: () => {},
    fillText(text, x, y) {
      texts.push({ text, x, y, font: this.font });
    },
    measureText: (t) => ({ width: t.length * 7 }),
    strokeText: () => {}, save: () => {}, restore: () => {}, rect: () => {}, clip: () => {},
    beginPath: () => {}, moveTo: () => {}, lineTo: () => {}, arc: () => {}, fill: () => {}, stroke: () => {}, setLineDash: () => {},
    drawImage: (_img, ...rect) => images.push(rect),
  };
  return { ctx, texts, images, transforms };
}

describe('figureLayout', () => {
  it('stacks header, map, legend and credit without gaps', () => {
    const l = figureLayout(1000, 600);
    expect(l.map).toEqual({ x: 0, y: 64, width: 1000, height: 600 });
    expect(l.legend.y).toBe(664);
    expect(l.credit.y).toBe(l.legend.y + l.legend.height);
    expect(l.height).toBe(l.credit.y + l.credit.height);
    expect(l.scale).toBe(2);
  });

  it('centres a narrow map in a frame wide enough for the text', () => {
    const l = figureLayout(300, 260);
    expect(l.width).toBe(480);
    expect(l.map.x).toBe(90);
  });
});

describe('drawFigure', () => {
  const content = {
    title: 'Security meetings, Kabul',
    subtitle: 'January 2024 – July 2025 · 4 meetings',
    legend: [
      { label: 'Venue', symbol: 'venue' as const, colour: '#c33' },
      { label: 'Participant link', symbol: 'line' as const, colour: '#36c' },
      { label: 'Absent state', symbol: 'dashed' as const, colour: '#999' },
    ],
    credit: 'Source: Security Meetings Atlas, meetings extracted from 5 news articles. Basemap: Natural Earth.',
  };

  it('draws title, window, legend labels and the credit line inside their strips, at 2x', () => {
    const { ctx, texts, images, transforms } = recorder();
    const layout = figureLayout(1000, 600);
    drawFigure(ctx, layout, content, {} as CanvasImageSource);
    expect(transforms[0]).toEqual([2, 0, 0, 2, 0, 0]);
    expect(images).toEqual([[0, 64, 1000, 600]]);
    const at = (text: string) => texts.find((t) => t.text === text);
    expect(at(content.title)!.y).toBeLessThan(layout.header.height);
    expect(at(content.subtitle)!.y).toBeLessThan(layout.header.height);
    for (const label of ['Venue', 'Participant link', 'Absent state']) {
      expect(at(label)!.y).toBeGreaterThan(layout.legend.y);
      expect(at(label)!.y).toBeLessThan(layout.credit.y);
    }
    const credit = at(content.credit)!;
    expect(credit.y).toBeGreaterThan(layout.credit.y);
    expect(credit.y).toBeLessThan(layout.height);
  });

  it('draws venue labels over the map, offset by the map rect', () => {
    const { ctx, texts } = recorder();
    const layout = figureLayout(300, 260);
    drawFigure(ctx, layout, { ...content, venues: [{ x: 10, y: 20, radius: 8, label: { text: 'Kabul', x: 21, y: 20 } }, { x: 50, y: 50, radius: 4, label: null }] }, null);
    expect(texts.find((t) => t.text === 'Kabul')).toMatchObject({ x: 90 + 21, y: 64 + 20 });
  });

  it('shortens a credit too long for a narrow figure instead of running off the edge', () => {
    const { ctx, texts } = recorder();
    drawFigure(ctx, figureLayout(300, 260), content, null);
    const credit = texts.find((t) => t.text.startsWith('Source:'))!;
    expect(credit.text.endsWith('…')).toBe(true);
    expect(credit.text.length * 7).toBeLessThanOrEqual(480 - 32);
  });
});

describe('helpers', () => {
  it('fits text and names files', () => {
    const ctx = { measureText: (t: string) => ({ width: t.length * 10 }) };
    expect(fitText(ctx, 'short', 100)).toBe('short');
    expect(fitText(ctx, 'a rather long line', 100)).toBe('a rather…');
    expect(figureFileName('2024-01-01', null, 'png')).toBe('security-meetings-atlas_2024-01-01.png');
  });
});
