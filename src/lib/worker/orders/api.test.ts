import { describe, expect, it } from 'vitest';
import type { NewOrderInput } from '$lib/domain/order';
import { createApi } from '../api';
import { createWriteQueue } from '../core/write-queue';
import { createTestDeps } from '$test-support/worker/test-deps';

const input: NewOrderInput = {
	number: '5001',
	buyer: { name: 'Tyler Brooks', email: 'tyler@example.com' },
	shipTo: {
		name: 'Tyler Brooks',
		line1: '908 S Congress Ave',
		city: 'Austin',
		state: 'tx',
		postalCode: '78704'
	},
	items: [
		{
			title: 'EBC Sintered Brake Pads Front',
			sku: 'PU1721-2440',
			quantity: 2,
			unitPriceCents: 3995
		},
		{ title: 'NGK Spark Plug CR8E', sku: 'NGK-CR8E', quantity: 1, unitPriceCents: 899 }
	]
};

describe('orders.create', () => {
	it('stores the order and its items with the total in cents', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		const result = await api.orders.create(input);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.totalCents).toBe(2 * 3995 + 899);
		expect(result.value.shipTo.state).toBe('TX');
		expect(result.value.state).toBe('new');
		const items = await deps.db.orderItems
			.where('orderId')
			.equals(result.value.id)
			.sortBy('lineNo');
		expect(items.map((i) => [i.lineNo, i.sku])).toEqual([
			[1, 'PU1721-2440'],
			[2, 'NGK-CR8E']
		]);
	});

	it('refuses the same order number twice and keeps one order', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		await api.orders.create(input);
		const again = await api.orders.create(input);
		expect(again).toMatchObject({ ok: false, error: { code: 'conflict', field: 'number' } });
		expect(await deps.db.orders.count()).toBe(1);
	});

	it('names the bad field in words and writes nothing', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		const result = await api.orders.create({
			...input,
			shipTo: { ...input.shipTo, postalCode: '7870' }
		});
		expect(result).toMatchObject({
			ok: false,
			error: { code: 'validation', field: 'shipTo.postalCode' }
		});
		if (!result.ok) expect(result.error.message).toMatch(/ZIP code/);
		expect(await deps.db.orders.count()).toBe(0);
	});

	it('turns a full disk into storage_full with no half-written order', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		deps.db.orderItems.hook('creating', () => {
			const quota = new Error('quota');
			quota.name = 'QuotaExceededError';
			throw quota;
		});
		const result = await api.orders.create(input);
		expect(result).toMatchObject({ ok: false, error: { code: 'storage_full' } });
		expect(await deps.db.orders.count()).toBe(0);
	});
});

describe('orders.importFile', () => {
	it('imports a Shopify export, reports bad rows, and a second import adds nothing', async () => {
		const { readFileSync } = await import('node:fs');
		const text = readFileSync(
			new URL('../../imports/fixtures/shopify-orders.csv', import.meta.url),
			'utf8'
		);
		const deps = createTestDeps();
		const api = createApi(deps);
		const first = await api.orders.importFile({ fileName: 'orders_export.csv', text });
		expect(first).toMatchObject({
			ok: true,
			value: { imported: 2, duplicates: 0, problems: [{ line: 6 }, { line: 8 }] }
		});
		const again = await api.orders.importFile({ fileName: 'orders_export.csv', text });
		expect(again).toMatchObject({ ok: true, value: { imported: 0, duplicates: 2 } });
		expect(await deps.db.orders.count()).toBe(2);
		expect(await deps.db.orderItems.count()).toBe(3);
	});

	it('refuses a file that is not orders with one message and writes nothing', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		const result = await api.orders.importFile({
			fileName: 'prices.csv',
			text: 'Part Number,Price\n1,2\n'
		});
		expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
		expect(await deps.db.orders.count()).toBe(0);
	});
});

describe('orders.importFile in two tabs at once (found by the soak)', () => {
	it('stores each order once and fails neither import', async () => {
		const first = createTestDeps();
		// The second tab: its own worker and write queue, the same database.
		const second = { ...first, writes: createWriteQueue() };
		const file = {
			fileName: 'orders.json',
			text: JSON.stringify([1, 2, 3, 4].map((n) => ({ ...input, number: `60${n}` })))
		};
		const [a, b] = await Promise.all([
			createApi(first).orders.importFile(file),
			createApi(second).orders.importFile(file)
		]);
		expect(a.ok && b.ok).toBe(true);
		if (!a.ok || !b.ok) return;
		expect(a.value.imported + b.value.imported).toBe(4);
		expect(a.value.duplicates + b.value.duplicates).toBe(4);
		expect(await first.db.orders.count()).toBe(4);
		expect(await first.db.orderItems.count()).toBe(8);
	});
});
