import { afterEach, describe, expect, it, vi } from 'vitest';
import { err, ok, type Result } from '$lib/domain/result';
import { Action } from './action.svelte';
import { bugReports } from './bug-report.svelte';

afterEach(() => {
	for (const bug of bugReports.items) bugReports.dismiss(bug.id);
	vi.restoreAllMocks();
});

describe('Action', () => {
	it('is busy while the call runs and says what was done', async () => {
		const action = new Action();
		let finish: (v: Result<number>) => void = () => {};
		const running = action.run(
			() => new Promise<Result<number>>((r) => (finish = r)),
			(n) => `Saved ${n}.`
		);
		expect(action.isBusy).toBe(true);
		// A second click while busy does not call again.
		const call = vi.fn(async () => ok(2));
		expect(await action.run(call)).toBeNull();
		expect(call).not.toHaveBeenCalled();
		finish(ok(1));
		await running;
		expect(action.isBusy).toBe(false);
		expect(action.outcome).toEqual({ ok: true, message: 'Saved 1.' });
	});

	it('keeps the error message and the field to fix', async () => {
		const action = new Action();
		await action.run(async () => err('validation', 'The ZIP is not valid.', { field: 'zip' }));
		expect(action.outcome).toEqual({ ok: false, message: 'The ZIP is not valid.', field: 'zip' });
	});

	it('a call that throws is a bug: busy ends, the dealer is told, the bug notice gets it', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const action = new Action();
		const result = await action.run(async () => {
			throw new Error('DataCloneError: could not be cloned');
		});
		expect(result).toBeNull();
		expect(action.isBusy).toBe(false);
		expect(action.outcome?.ok).toBe(false);
		expect(action.outcome?.message).toMatch(/Reload the page/);
		expect(bugReports.items.map((b) => b.message)).toEqual(['DataCloneError: could not be cloned']);
	});
});
