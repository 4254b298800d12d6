import { describe, expect, it, vi } from 'vitest';
import { openOnce } from './open-once';

function opener() {
	const warmCatalog = vi.fn();
	const start = vi.fn(() => ({ warmCatalog }));
	return { open: openOnce(start), start, warmCatalog };
}

describe('opening the workspace once, whoever asks first', () => {
	it("opens on the first ask and answers the page's later one for the same workspace at once", async () => {
		const { open, start, warmCatalog } = opener();
		expect(await open({ workspace: 'demo', loadCatalog: true })).toEqual({
			ok: true,
			value: { workspace: 'demo' }
		});
		expect(start).toHaveBeenCalledWith({ workspace: 'demo', loadCatalog: true });
		expect(await open({ workspace: 'demo', loadCatalog: false })).toEqual({
			ok: true,
			value: { workspace: 'demo' }
		});
		expect(start).toHaveBeenCalledTimes(1);
		expect(warmCatalog).not.toHaveBeenCalled();
	});

	it('loads the catalog when a later ask wants it and the first did not', async () => {
		const { open, warmCatalog } = opener();
		await open({ workspace: 'shop' });
		await open({ workspace: 'shop', loadCatalog: true });
		expect(warmCatalog).toHaveBeenCalledTimes(1);
	});

	it('refuses the other database and input that is not a workspace', async () => {
		const { open, start } = opener();
		await open({ workspace: 'demo' });
		const other = await open({ workspace: 'shop' });
		expect(other.ok === false && other.error.code).toBe('conflict');
		const bad = await open({ workspace: 'elsewhere' });
		expect(bad.ok === false && bad.error.code).toBe('validation');
		expect(start).toHaveBeenCalledTimes(1);
	});

	it('opens on a later ask when the first failed to start', async () => {
		let fails = true;
		const start = vi.fn(() => {
			if (fails) throw new Error('quota');
			return { warmCatalog: () => undefined };
		});
		const open = openOnce(start);
		await expect(open({ workspace: 'demo' })).rejects.toThrow('quota');
		fails = false;
		expect((await open({ workspace: 'demo' })).ok).toBe(true);
		expect(start).toHaveBeenCalledTimes(2);
	});
});
