import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addBusinessMinutes, businessMillisBetween, DEFAULT_BUSINESS_HOURS, parseClockTime, type Pause } from './business-time.js';

const at = (iso: string) => new Date(iso);
const hours = DEFAULT_BUSINESS_HOURS;
// 2025-03-07 is a Friday, 2025-03-10 the Monday after.

describe('business time', () => {
  it('carries a target over the weekend: Friday 17:30 + 60 minutes is Monday 09:30', () => {
    assert.deepEqual(addBusinessMinutes(at('2025-03-07T17:30:00Z'), 60, hours), at('2025-03-10T09:30:00Z'));
  });

  it('starts counting at the next opening when a ticket arrives out of hours', () => {
    assert.deepEqual(addBusinessMinutes(at('2025-03-08T12:00:00Z'), 30, hours), at('2025-03-10T09:30:00Z'));
    assert.deepEqual(addBusinessMinutes(at('2025-03-10T07:00:00Z'), 30, hours), at('2025-03-10T09:30:00Z'));
  });

  it('is due at the close of the day when the target ends exactly there', () => {
    assert.deepEqual(addBusinessMinutes(at('2025-03-10T17:00:00Z'), 60, hours), at('2025-03-10T18:00:00Z'));
  });

  it('counts only working minutes between two instants', () => {
    assert.equal(businessMillisBetween(at('2025-03-07T17:30:00Z'), at('2025-03-10T09:30:00Z'), hours), 60 * 60_000);
    assert.equal(businessMillisBetween(at('2025-03-08T00:00:00Z'), at('2025-03-09T23:59:00Z'), hours), 0);
    assert.equal(businessMillisBetween(at('2025-03-10T09:00:00Z'), at('2025-03-11T09:00:00Z'), hours), 9 * 60 * 60_000);
  });

  it('does not count paused time, and moves the due time by the paused working minutes', () => {
    const pauses: Pause[] = [{ start: at('2025-03-10T09:10:00Z'), end: at('2025-03-10T09:40:00Z') }];
    assert.equal(businessMillisBetween(at('2025-03-10T09:00:00Z'), at('2025-03-10T10:00:00Z'), hours, pauses), 30 * 60_000);
    assert.deepEqual(addBusinessMinutes(at('2025-03-10T09:00:00Z'), 60, hours, pauses), at('2025-03-10T10:30:00Z'));
  });

  it('has no due time while a pause lasts, unless the target was already due before it', () => {
    const open: Pause[] = [{ start: at('2025-03-10T09:10:00Z'), end: null }];
    assert.equal(addBusinessMinutes(at('2025-03-10T09:00:00Z'), 60, hours, open), null);
    const late: Pause[] = [{ start: at('2025-03-10T11:00:00Z'), end: null }];
    assert.deepEqual(addBusinessMinutes(at('2025-03-10T09:00:00Z'), 60, hours, late), at('2025-03-10T10:00:00Z'));
  });

  it('follows a tenant calendar, and gives up on a calendar with no working time', () => {
    const sundays = { weekdays: [7], startMinute: 10 * 60, endMinute: 12 * 60 };
    assert.deepEqual(addBusinessMinutes(at('2025-03-07T17:30:00Z'), 90, sundays), at('2025-03-09T11:30:00Z'));
    assert.equal(addBusinessMinutes(at('2025-03-07T17:30:00Z'), 90, { weekdays: [], startMinute: 0, endMinute: 60 }), null);
  });

  it('reads clock times as HH:MM only', () => {
    assert.equal(parseClockTime('09:00'), 540);
    assert.equal(parseClockTime('24:00'), 1440);
    assert.equal(parseClockTime('9:00'), undefined);
    assert.equal(parseClockTime('24:30'), undefined);
  });
});
