import { describe, expect, it } from 'vitest';
import { csvCell, csvMoney, purchaseOrdersCsv, toCsv } from './csv-export';
import type { PurchaseOrder } from './purchase-order';

describe('csvCell', () => {
	it('guards text a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvCell('+1 555')).toBe("'+1 555");
		expect(csvCell('-2')).toBe("'-2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
		expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
	});

	it('leaves ordinary text and numbers alone', () => {
		expect(csvCell('RL00042')).toBe('RL00042');
		expect(csvCell('a=b')).toBe('a=b');
		expect(csvCell(-12.5)).toBe('-12.5');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(null)).toBe('');
	});

	it('quotes commas, quotes, line breaks and edge spaces', () => {
		expect(csvCell('Walters, Cody')).toBe('"Walters, Cody"');
		expect(csvCell('12" bar')).toBe('"12"" bar"');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell(' padded')).toBe('" padded"');
	});
});

describe('toCsv', () => {
	it('writes a header and CRLF lines', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					[1, 'x'],
					[2, '=1+1']
				]
			)
		).toBe("a,b\r\n1,x\r\n2,'=1+1\r\n");
	});

	it('writes money as a number', () => {
		expect(csvMoney(8995)).toBe(89.95);
	});
});

describe('purchaseOrdersCsv', () => {
	it('writes one row per PO with its order number and words for the states', () => {
		const po: PurchaseOrder = {
			id: 'p1',
			poNumber: 'RL00042',
			orderId: 'o1',
			distributorId: 'pu',
			isManual: false,
			state: 'confirmed',
			shipState: 'awaiting',
			distributorRefs: ['A1', 'B2'],
			shipTo: {
				name: 'B',
				line1: '1 Main',
				city: 'Boise',
				state: 'ID',
				postalCode: '83702',
				country: 'US'
			},
			shippingMethod: 'ground',
			leadTimeDays: 2,
			costCents: 12345,
			createdAt: new Date(2025, 2, 7, 14, 5).toISOString(),
			updatedAt: new Date(2025, 2, 7, 14, 5).toISOString(),
			history: []
		};
		const lines = purchaseOrdersCsv([po], () => ({ number: '1042' })).split('\r\n');
		expect(lines[0]).toBe(
			'PO number,Order number,Distributor,Placement,Shipping,Created,Cost,Distributor references,Manual'
		);
		expect(lines[1]).toBe(
			'RL00042,1042,Parts Unlimited,Confirmed,Awaiting tracking,2025-03-07 14:05,123.45,A1 B2,no'
		);
	});
});
