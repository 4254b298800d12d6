import { describe, expect, it } from 'vitest';
import { readSettings, replaceCatalog } from '$lib/db/writes';
import type { Offer } from '$lib/domain/catalog';
import { createApi } from '../api';
import { createTestDeps } from '$test-support/worker/test-deps';

describe('rules', () => {
	it('updates one warehouse, starting from the defaults', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		const result = await api.rules.updateWarehouse({
			id: 'wps:CA',
			leadTimeDays: 3,
			cutoffCents: 2500
		});
		expect(result.ok && result.value).toMatchObject({
			name: 'Fresno, CA',
			leadTimeDays: 3,
			cutoffCents: 2500
		});
		expect(
			await api.rules.updateWarehouse({ id: 'wps:ZZ', leadTimeDays: 1, cutoffCents: 0 })
		).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});

	it('a warehouse a feed names and the rules do not know is listed as new until it has a lead time', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		const offer = (stock: Offer['stock']): Offer => ({
			distributorId: 'wps',
			sku: '15-0174',
			brand: 'EBC',
			mpn: 'FA-213HH',
			description: 'EBC pads',
			costCents: 3000,
			stock
		});
		const feed = (id: string) => ({
			id,
			distributorId: 'wps' as const,
			source: 'seed',
			startedAt: deps.now().toISOString(),
			errorCount: 0
		});
		await replaceCatalog(deps.db, feed('f1'), [offer({ CA: 1, NV: 3 }), offer({ ZZ: 0 })]);
		expect(await deps.db.warehouses.toArray()).toEqual([
			{
				id: 'wps:NV',
				distributorId: 'wps',
				code: 'NV',
				name: 'NV',
				leadTimeDays: 1,
				cutoffCents: 0,
				isNew: true
			},
			{
				id: 'wps:ZZ',
				distributorId: 'wps',
				code: 'ZZ',
				name: 'ZZ',
				leadTimeDays: 1,
				cutoffCents: 0,
				isNew: true
			}
		]);
		// A cutoff alone leaves it new; a lead time makes it the dealer's rule.
		const cutoff = await api.rules.updateWarehouse({ id: 'wps:NV', cutoffCents: 2500 });
		expect(cutoff.ok && cutoff.value).toMatchObject({ cutoffCents: 2500, isNew: true });
		const lead = await api.rules.updateWarehouse({ id: 'wps:NV', leadTimeDays: 2 });
		expect(lead.ok && lead.value).toMatchObject({ leadTimeDays: 2, cutoffCents: 2500 });
		expect(lead.ok && lead.value.isNew).toBeUndefined();
		// The next feed keeps the dealer's rule.
		await replaceCatalog(deps.db, feed('f2'), [offer({ NV: 3 })]);
		expect((await deps.db.warehouses.get('wps:NV'))?.isNew).toBeUndefined();
	});

	it('drop-ship everything sets $1.00 and 1 day everywhere, and undo puts the dealer’s rules back', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		await api.rules.updateWarehouse({ id: 'pu:NV', leadTimeDays: 4, cutoffCents: 999_900 });
		await api.rules.dropShipEverything({});
		await api.rules.dropShipEverything({}); // twice: undo still returns to the dealer's own rules
		const all = await deps.db.warehouses.toArray();
		expect(all.length).toBeGreaterThan(15);
		expect(all.every((w) => w.cutoffCents === 100 && w.leadTimeDays === 1)).toBe(true);
		expect((await api.rules.undoDropShipEverything({})).ok).toBe(true);
		expect(await deps.db.warehouses.get('pu:NV')).toMatchObject({
			leadTimeDays: 4,
			cutoffCents: 999_900
		});
		expect(await api.rules.undoDropShipEverything({})).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});
	});

	it('keys overrides by canonical brand (aliases applied) and product key', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		await deps.db.brandAliases.put({ alias: 'FLY', brand: 'FLY RACING' });
		const brand = await api.rules.setOverride({ kind: 'brand', brand: 'Fly', cutoffCents: 500 });
		expect(brand.ok && brand.value.key).toBe('FLY RACING');
		const product = await api.rules.setOverride({
			kind: 'product',
			brand: 'fly racing',
			mpn: '350-0111',
			leadTimeDays: 2
		});
		expect(product.ok && product.value.key).toBe('FLY RACING|3500111');
		expect(
			await api.rules.setOverride({ kind: 'product', brand: 'Fly', leadTimeDays: 1 })
		).toMatchObject({ ok: false, error: { field: 'mpn' } });
		expect(await api.rules.setOverride({ kind: 'brand', brand: 'Fly' })).toMatchObject({
			ok: false,
			error: { code: 'validation' }
		});
	});

	it('sets the preference order, each distributor once', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		expect(
			(await api.rules.setPreference({ preference: ['wps', 'pu', 'tucker', 'automatic'] })).ok
		).toBe(true);
		expect((await readSettings(deps.db)).preference[0]).toBe('wps');
		expect(
			(await api.rules.setPreference({ preference: ['wps', 'wps', 'tucker', 'automatic'] })).ok
		).toBe(false);
	});
});
