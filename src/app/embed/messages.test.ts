import { describe, expect, it } from 'vitest';
import { heightMessage, parseHeightMessage, parseHostMessage } from './messages';

describe('embed messages', () => {
  it('builds the documented height message with whole pixels', () => {
    expect(heightMessage(612.2, 799.6)).toEqual({ type: 'sma:height', version: 1, height: 613, width: 800 });
  });

  it('accepts a height message and rejects anything else', () => {
    expect(parseHeightMessage(heightMessage(600, 800))).toEqual({ type: 'sma:height', version: 1, height: 600, width: 800 });
    for (const bad of [
      null, 'sma:height', [], {}, { type: 'sma:height' },
      { type: 'sma:height', version: 2, height: 600, width: 800 },
      { type: 'sma:height', version: 1, height: '600', width: 800 },
      { type: 'sma:height', version: 1, height: Number.NaN, width: 800 },
      { type: 'sma:height', version: 1, height: -1, width: 800 },
      { type: 'sma:height', version: 1, height: 1e9, width: 800 },
      { type: 'other', version: 1, height: 600, width: 800 },
    ]) {
      expect(parseHeightMessage(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('accepts only the request-height message from a host', () => {
    expect(parseHostMessage({ type: 'sma:request-height', version: 1 })).toEqual({ type: 'sma:request-height', version: 1 });
    expect(parseHostMessage({ type: 'sma:request-height' })).toBeNull();
    expect(parseHostMessage(heightMessage(1, 1))).toBeNull();
    expect(parseHostMessage('{"type":"sma:request-height","version":1}')).toBeNull();
  });
});
