import type { JsonBodyType } from 'msw';
import type { Simulator } from '$lib/simulator/simulator';
import { TUCKER_DC_CAP, TUCKER_DCS } from './constants';
import { findItem, refuse, reply, SIM, stockOf } from './sim-common';

/**
 * INV, PRC and INP (§8.3): one `item[]` entry per `item=` asked. DC figures are single digits,
 * 9 meaning "9 or more"; `inventory` is their sum. An unknown item carries an `errormsg`.
 */
export function itemsAnswer(sim: Simulator, type: 'INV' | 'PRC' | 'INP', query: URLSearchParams) {
	const asked = query.getAll('item');
	if (asked.length === 0) return refuse(type, SIM.missing('item'));
	const item = asked.map((itemnum): JsonBodyType => {
		const offer = findItem(sim, itemnum);
		if (!offer) return { itemnum, inventory: '0', dc: [], errormsg: SIM.unknownItem };
		const stock = stockOf(sim, offer);
		const dc = TUCKER_DCS.map((dcname) => ({
			dcname,
			dcinv: String(Math.min(TUCKER_DC_CAP, stock[dcname] ?? 0))
		}));
		const inventory = String(dc.reduce((sum, d) => sum + Number(d.dcinv), 0));
		const price = (offer.costCents / 100).toFixed(2);
		if (type === 'INV') return { itemnum, inventory, dc };
		if (type === 'PRC') return { itemnum, price };
		return { itemnum, price, inventory, dc };
	});
	return reply(sim, type, { item });
}
