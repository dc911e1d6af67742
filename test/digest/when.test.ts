import { describe, expect, it } from 'vitest';
import { cronOf, describeWhen, dueAt, parseWhen, storedWhen, weekdayOf, weekdayWord } from '../../src/digest/when.ts';

describe('digest schedules', () => {
  it('reads and writes daily and weekly times', () => {
    expect(parseWhen('08:00')).toEqual({ time: '08:00' });
    expect(parseWhen('W1 07:30')).toEqual({ weekday: 1, time: '07:30' });
    expect(parseWhen('W8 07:30')).toBeUndefined();
    expect(storedWhen({ weekday: 5, time: '18:00' })).toBe('W5 18:00');
  });

  it('is due on its weekday, once its time has come', () => {
    expect(weekdayOf('2026-11-23')).toBe(1); // a Monday
    expect(dueAt('W1 08:00', '2026-11-23', '10:00')).toBe(true);
    expect(dueAt('W1 08:00', '2026-11-23', '07:59')).toBe(false);
    expect(dueAt('W2 08:00', '2026-11-23', '10:00')).toBe(false);
    expect(dueAt('08:00', '2026-11-24', '08:00')).toBe(true);
  });

  it('schedules with croner, Sunday as 0', () => {
    expect(cronOf('08:05')).toBe('5 8 * * *');
    expect(cronOf('W1 08:05')).toBe('5 8 * * 1');
    expect(cronOf('W7 21:00')).toBe('0 21 * * 0');
  });

  it('says the schedule in both languages, and reads weekday words', () => {
    expect(describeWhen('W1 08:00', 'zh')).toBe('每周一 08:00');
    expect(describeWhen('08:00', 'zh')).toBe('每天 08:00');
    expect(describeWhen('W7 08:00', 'en')).toBe('Sundays at 08:00');
    expect(['每周一', '周三', '星期五', '礼拜天', '明天'].map(weekdayWord)).toEqual([1, 3, 5, 7, undefined]);
  });
});
