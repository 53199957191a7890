import { describe, expect, it } from 'vitest';
import { fileName, num } from './api';
import { categoryBars } from './charts';

describe('report helpers', () => {
  it('sorts categories by offers plus requests and keeps both', () => {
    const bars = categoryBars({ ROOM: 1, FOOD: 4 }, { ROOM: 5, TOOLS: 2 }, (c) => c.toLowerCase());
    expect(bars).toEqual([
      { label: 'room', a: 1, b: 5 },
      { label: 'food', a: 4, b: 0 },
      { label: 'tools', a: 0, b: 2 },
    ]);
  });

  it('reads the file name from Content-Disposition', () => {
    expect(fileName('attachment; filename="gielda-1-2026-11-28-seq5-abc.xlsx"', 'x')).toBe(
      'gielda-1-2026-11-28-seq5-abc.xlsx',
    );
    expect(fileName(null, 'fallback.pdf')).toBe('fallback.pdf');
  });

  it('reads decimals given as numbers or strings', () => {
    expect(num('12.50')).toBe(12.5);
    expect(num(3)).toBe(3);
    expect(num(undefined)).toBe(0);
  });
});
