import { describe, expect, it } from 'vitest';
import { instantToZonedLocal, zonedLocalToInstant } from './time';

describe('fair time zone conversions', () => {
  it('converts winter wall-clock time in Warsaw (UTC+1)', () => {
    expect(zonedLocalToInstant('2026-11-28T10:00')).toBe('2026-11-28T09:00:00Z');
  });
  it('converts summer wall-clock time in Warsaw (UTC+2)', () => {
    expect(zonedLocalToInstant('2026-06-15T18:30')).toBe('2026-06-15T16:30:00Z');
  });
  it('round-trips', () => {
    expect(instantToZonedLocal('2026-11-28T09:00:00Z')).toBe('2026-11-28T10:00');
  });
  it('rejects garbage', () => {
    expect(zonedLocalToInstant('tomorrow')).toBeNull();
  });
});
