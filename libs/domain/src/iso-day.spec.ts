import { isoDay, isoMoment } from './iso-day.js';

describe('dates in user-facing text', () => {
  it('writes a day and a moment in ISO 8601, in UTC, and leaves what is not a date as written', () => {
    expect(isoDay('2026-12-01T23:30:00-08:00')).toBe('2026-12-02');
    expect(isoDay(new Date(Date.UTC(2025, 11, 31)))).toBe('2025-12-31');
    expect(isoMoment('2026-01-05T09:02:10.000Z')).toBe('2026-01-05 09:02:10 UTC');
    expect([isoDay('last Tuesday'), isoMoment('')]).toEqual(['last Tuesday', '']);
  });
});
