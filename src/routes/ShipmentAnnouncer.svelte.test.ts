import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { readDb } from '$lib/db/queries';
import ShipmentAnnouncer from './ShipmentAnnouncer.svelte';

const round = (checkedAt: string, newShipments: number) =>
	readDb().settings.put({
		key: 'trackingStatus',
		value: { checkedAt, poCount: 4, newShipments, problems: [] }
	});

describe('the shipment announcer', () => {
	it('is silent about the round already there, and announces a later one with shipments', async () => {
		await round('2026-11-20T15:00:00.000Z', 3);
		render(ShipmentAnnouncer);
		const region = screen.getByRole('status');
		// Give liveQuery time to answer with the old round: nothing is said.
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(region).toHaveTextContent('');

		await round('2026-11-20T15:05:00.000Z', 0);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(region).toHaveTextContent('');

		await round('2026-11-20T15:10:00.000Z', 2);
		await expect
			.poll(() => region.textContent)
			.toBe('2 new shipments: tracking saved and the buyer emails queued.');
	});
});
