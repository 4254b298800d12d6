import { describe, expect, it } from 'vitest';
import { parseOrderJson } from './order-json';

const good = {
	number: '3001',
	buyer: { name: 'Brandon Lee', email: 'brandon@example.com' },
	shipTo: {
		name: 'Brandon Lee',
		line1: '1 W Old State Capitol Plz',
		city: 'Springfield',
		state: 'IL',
		postalCode: '62701'
	},
	items: [
		{ title: 'Yuasa AGM Battery YTX14-BS', sku: 'PU2113-0042', quantity: 1, unitPriceCents: 11995 }
	]
};

describe('JSON order import', () => {
	it('reads an array or an { orders } object and reports bad entries by position', () => {
		const result = parseOrderJson(
			JSON.stringify({ orders: [good, { ...good, number: '3002', items: [] }] })
		);
		expect(result).toMatchObject({
			orders: [{ number: '3001', source: 'json' }],
			problems: [{ line: 2, orderNumber: '3002', reason: 'items needs at least one item' }]
		});
		expect(parseOrderJson(JSON.stringify([good]))).toMatchObject({
			orders: [{ number: '3001' }],
			problems: []
		});
	});

	it('refuses what is not a list of orders', () => {
		expect(parseOrderJson('{')).toEqual({ error: 'This is not a JSON file of orders.' });
		expect(parseOrderJson('{"a":1}')).toEqual({ error: 'This JSON file has no list of orders.' });
	});
});
