import { describe, expect, it } from 'vitest';
import { dragSpan } from './windowBrush';

const extent = [10, 510] as const;

describe('dragSpan', () => {
  it('moves the span with the pointer and stops it at the ends of the track', () => {
    const g = { mode: 'move', originX: 200, span: [150, 250] } as const;
    expect(dragSpan(g, 230, extent)).toEqual([180, 280]);
    expect(dragSpan(g, 0, extent)).toEqual([10, 110]);
    expect(dragSpan(g, 900, extent)).toEqual([410, 510]);
  });

  it('moves one edge and swaps the edges when one is dragged past the other', () => {
    expect(dragSpan({ mode: 'w', originX: 150, span: [150, 250] }, 120, extent)).toEqual([120, 250]);
    expect(dragSpan({ mode: 'e', originX: 250, span: [150, 250] }, 600, extent)).toEqual([150, 510]);
    expect(dragSpan({ mode: 'w', originX: 150, span: [150, 250] }, 300, extent)).toEqual([250, 300]);
  });

  it('draws a new span from the track and has none for a press that did not drag', () => {
    expect(dragSpan({ mode: 'new', originX: 300, span: [300, 300] }, 260, extent)).toEqual([260, 300]);
    expect(dragSpan({ mode: 'new', originX: 300, span: [300, 300] }, -50, extent)).toEqual([10, 300]);
    expect(dragSpan({ mode: 'new', originX: 300, span: [300, 300] }, 300, extent)).toBeNull();
    expect(dragSpan({ mode: 'e', originX: 250, span: [150, 250] }, 150, extent)).toBeNull();
  });
});
