import { describe, expect, it } from 'vitest';
import { CUST, KEY, useTuckerSimulator } from '$test-support/distributors/tucker-kit';

const kit = useTuckerSimulator();
const { sim } = kit;
const BASE = 'https://api.tucker.com/bin/trws';

async function trws(query: [string, string][], init: RequestInit = {}) {
	const auth: [string, string][] = [
		['apikey', KEY],
		['cust', CUST],
		['output', 'JSON']
	];
	const response = await fetch(`${BASE}?${new URLSearchParams([...auth, ...query])}`, init);
	const text = await response.text();
	return { status: response.status, text, body: text.startsWith('{') ? JSON.parse(text) : null };
}

const ORDER: [string, string][] = [
	['type', 'ORD'],
	['name', 'Dana Ruiz'],
	['address1', '12 Canyon Rd'],
	['city', 'Boise'],
	['state', 'ID'],
	['zip', '83702'],
	['po', 'PO-9'],
	['allowduplicatepo', 'NO'],
	['carrier', 'UG'],
	['splitlines', 'YES'],
	['line', '160942,1']
];

describe('the Tucker simulator speaks the trws wire format', () => {
	it('answers INV with per-DC single digits, keyed by the call type', async () => {
		const { status, body } = await trws([
			['type', 'INV'],
			['item', '160942']
		]);
		expect(status).toBe(200);
		expect(body.INV.status).toBe('SUCCESSFUL');
		expect(body.INV.item[0]).toMatchObject({ itemnum: '160942', inventory: '12' });
		expect(body.INV.item[0].dc[0]).toEqual({ dcname: 'TX', dcinv: '9' });
	});

	it('refuses a bad key with HTTP 200 and a non-SUCCESSFUL status', async () => {
		const response = await fetch(`${BASE}?apikey=LIVEKEY&cust=${CUST}&output=JSON&type=INV`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			INV: { status: 'ERROR', errormsg: 'Invalid API key' }
		});
	});

	it('answers only GET, and XML without output=JSON', async () => {
		expect((await trws([['type', 'INV']], { method: 'POST' })).status).toBe(405);
		const xml = await fetch(`${BASE}?apikey=${KEY}&cust=${CUST}&type=INV&item=160942`);
		expect(await xml.text()).toMatch(/^<\?xml/);
	});

	it('validates with submit=NO without placing, and names the order of a reused PO', async () => {
		const checked = await trws([...ORDER, ['submit', 'NO']]);
		expect(checked.body.ORD.orderoutput.ordernum).toBe('');
		expect(sim.countOrders('tucker', 'PO-9')).toBe(0);
		const placed = await trws([...ORDER, ['submit', 'YES']]);
		const ordernum: string = placed.body.ORD.orderoutput.ordernum;
		expect(ordernum).toMatch(/^\d{7}$/);
		const again = await trws([...ORDER, ['submit', 'YES']]);
		expect(again.body).toEqual({
			ORD: { status: 'ERROR', errormsg: `Duplicate PO number PO-9 (order ${ordernum})` }
		});
		expect(sim.countOrders('tucker', 'PO-9')).toBe(1);
	});

	it('lists an ordernum in SHP only once something shipped', async () => {
		const placed = await trws([...ORDER, ['submit', 'YES']]);
		const ordernum: string = placed.body.ORD.orderoutput.ordernum;
		const ship = () =>
			trws([
				['type', 'SHP'],
				['ordernum', ordernum]
			]);
		expect((await ship()).body).toEqual({ SHP: { status: 'SUCCESSFUL', shipment: [] } });
		sim.advanceHours(31);
		const shipped = (await ship()).body.SHP.shipment[0];
		expect(shipped).toMatchObject({ ordernum, orderstatus: 'SHIPPED' });
		expect(shipped.shipmentline[0].trackingnumbers[0]).toEqual({
			carrier: 'UPS',
			trackingnum: expect.stringMatching(/^1Z[0-9A-Z]{16}$/)
		});
	});

	it('gives the same tracking number on every read (seeded, not timed)', async () => {
		const placed = await trws([...ORDER, ['submit', 'YES']]);
		const ordernum: string = placed.body.ORD.orderoutput.ordernum;
		sim.advanceHours(40);
		const first = await trws([
			['type', 'SHP'],
			['ordernum', ordernum]
		]);
		const second = await trws([
			['type', 'SHP'],
			['ordernum', ordernum]
		]);
		expect(first.text).toBe(second.text);
	});
});
