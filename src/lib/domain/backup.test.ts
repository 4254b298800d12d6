import { describe, expect, it } from 'vitest';
import { isBackupDue } from './backup';

describe('isBackupDue (STOR-5)', () => {
	const now = new Date('2026-11-20T15:00:00.000Z');

	it('is due when there never was a backup, or the date is unreadable', () => {
		expect(isBackupDue(null, now)).toBe(true);
		expect(isBackupDue(undefined, now)).toBe(true);
		expect(isBackupDue('yesterday', now)).toBe(true);
	});

	it('is not due within seven days, and due from the seventh day on', () => {
		expect(isBackupDue('2026-11-20T14:00:00.000Z', now)).toBe(false);
		expect(isBackupDue('2026-11-13T15:00:01.000Z', now)).toBe(false);
		expect(isBackupDue('2026-11-13T15:00:00.000Z', now)).toBe(true);
		expect(isBackupDue('2026-10-01T00:00:00.000Z', now)).toBe(true);
	});
});
