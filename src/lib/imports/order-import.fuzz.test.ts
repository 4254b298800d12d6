import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApi } from '$lib/worker/api';
import { createTestDeps } from '$test-support/worker/test-deps';
import { parseOrderCsv } from './order-csv';
import { parseOrderJson } from './order-json';

/** Case 3: whatever bytes a dealer drops on the importer, it answers; it never throws. */
describe('order importers under fuzz', () => {
	it('parse arbitrary text and bytes without throwing (10,000 runs each)', () => {
		const header = 'Name,Email,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku\n';
		const anyText = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 400 }),
			fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => header + s),
			fc
				.uint8Array({ maxLength: 400 })
				.map((b) => new TextDecoder('utf-8', { fatal: false }).decode(b))
		);
		fc.assert(
			fc.property(anyText, (text) => {
				const csv = parseOrderCsv(text);
				const json = parseOrderJson(text);
				return (
					('error' in csv || Array.isArray(csv.orders)) &&
					('error' in json || Array.isArray(json.orders))
				);
			}),
			{ numRuns: 10_000 }
		);
		// Seconds on an idle machine; the budget is for a loaded one, not a speed goal.
	}, 60_000);

	it('writes whole orders or nothing: every stored order has all its items (300 runs through the API)', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		const row = fc.record({
			name: fc.constantFrom('#1', '#2', '#3'),
			email: fc.constantFrom('a@example.com', 'bad', ''),
			qty: fc.constantFrom('1', '2', 'x', '-1'),
			price: fc.constantFrom('9.99', '$1,000.00', 'N/A', ''),
			sku: fc.string({ maxLength: 8 })
		});
		await fc.assert(
			fc.asyncProperty(fc.array(row, { maxLength: 6 }), async (rows) => {
				await deps.db.orders.clear();
				await deps.db.orderItems.clear();
				const text =
					'Name,Email,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Province\n' +
					rows
						.map((r) =>
							[
								r.name,
								r.email,
								r.qty,
								'Part',
								`"${r.price}"`,
								`"${r.sku.replace(/"/g, '""')}"`,
								'Ann',
								'1 Main St',
								'Boise',
								'83702',
								'ID'
							].join(',')
						)
						.join('\n');
				const result = await api.orders.importFile({ fileName: 'x.csv', text });
				const orders = await deps.db.orders.toArray();
				for (const order of orders) {
					const stored = await deps.db.orderItems.where('orderId').equals(order.id).count();
					const inFile = rows.filter((r) => r.name.slice(1) === order.number).length;
					expect(stored).toBe(inFile);
				}
				return result.ok || result.error.code === 'validation';
			}),
			{ numRuns: 300 }
		);
	}, 60_000);
});
