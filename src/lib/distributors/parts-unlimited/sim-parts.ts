import { http, type RequestHandler } from 'msw';
import type { Simulator } from '$lib/simulator/simulator';
import { PU_BASE_URL, PU_STAGING_URL, PU_UNCONFIRMED, PU_WAREHOUSES } from './constants';
import { findPart, guard, puError, reply, stockOf, type PuSimOptions } from './sim-common';

/** Inventory and pricing of the simulated PU (distributors.md §8.2), on production and staging. */
export function partHandlers(sim: Simulator, options: Required<PuSimOptions>): RequestHandler[] {
	const partsOf = async (request: Request, raw: unknown) => {
		const refused = await guard(sim, request, options);
		if (refused) return { refused };
		const parts = String(raw)
			.split(',')
			.map((p) => decodeURIComponent(p).trim())
			.filter(Boolean);
		if (parts.length > options.maxBatch) {
			return { refused: puError(400, PU_UNCONFIRMED.errors.sim.batchTooLarge) };
		}
		return { parts };
	};
	const shown = (qty: number) =>
		options.plusFrom !== null && qty >= options.plusFrom ? `${options.plusFrom}+` : String(qty);

	return [PU_BASE_URL, PU_STAGING_URL].flatMap((base) => [
		http.get(`${base}/v1/parts/inventory/:parts`, async ({ request, params }) => {
			const asked = await partsOf(request, params.parts);
			if (asked.refused) return asked.refused;
			const availability = asked.parts.map((partNumber) => {
				const offer = findPart(sim, partNumber);
				const stock = offer ? stockOf(sim, offer) : {};
				return {
					partNumber,
					// Quantities are strings on the wire [CODE S16, S17].
					warehouses: offer
						? PU_WAREHOUSES.map((w) => ({ warehouse: w, quantity: shown(stock[w] ?? 0) }))
						: []
				};
			});
			return reply(sim, { availability }, { availability: [{ warehouses: 'none' }] });
		}),
		http.get(`${base}/v1/parts/pricing/:parts`, async ({ request, params }) => {
			const asked = await partsOf(request, params.parts);
			if (asked.refused) return asked.refused;
			const pricing = asked.parts.map((partNumber) => {
				const offer = findPart(sim, partNumber);
				if (!offer) return { partNumber, found: false };
				return {
					partNumber,
					found: true,
					basePrice: dollars(Math.round(offer.costCents * 1.08)),
					dealerPrice: dollars(offer.costCents),
					retailPrice: dollars(offer.msrpCents ?? offer.costCents)
				};
			});
			return reply(sim, { pricing }, { pricing: [{ found: 'maybe' }] });
		})
	]);
}

function dollars(cents: number): number {
	return Math.round(cents) / 100;
}
