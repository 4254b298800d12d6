import * as Comlink from 'comlink';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '$lib/db/db';
import type { Order } from '$lib/domain/order';
import type { Client } from '$lib/worker-client/client.svelte';
import { createApi } from '../api';
import { createTestDeps } from '$test-support/worker/test-deps';

const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((p) => p.close()));

describe('the worker API over Comlink', () => {
	it('a command sent through a MessageChannel writes a row that a liveQuery on another connection sees', async () => {
		const deps = createTestDeps();
		const { port1, port2 } = new MessageChannel();
		ports.push(port1, port2);
		Comlink.expose(createApi(deps), port1);
		// Comlink types nested namespaces as promises; at run time the property chain calls through.
		const remote = Comlink.wrap(port2) as unknown as Client;

		// The page's own connection to the same database, as in the browser.
		const pageDb = openDb(deps.db.name);
		const seen: Order[][] = [];
		const subscription = liveQuery(() => pageDb.orders.toArray()).subscribe((rows) =>
			seen.push(rows)
		);

		const result = await remote.orders.create({
			number: '7001',
			buyer: { name: 'Ashley Nguyen', email: 'ashley@example.com' },
			shipTo: {
				name: 'Ashley Nguyen',
				line1: '1001 NW Lovejoy St',
				city: 'Portland',
				state: 'OR',
				postalCode: '97209'
			},
			items: [
				{ title: 'Renthal Grips Half Waffle', sku: 'TR160942', quantity: 1, unitPriceCents: 1895 }
			]
		});
		expect(result.ok).toBe(true);
		await expect.poll(() => seen.at(-1)?.map((o) => o.number)).toEqual(['7001']);
		subscription.unsubscribe();
		pageDb.close();
	});

	it('brings a validation failure back as a value, not a thrown error', async () => {
		const { port1, port2 } = new MessageChannel();
		ports.push(port1, port2);
		Comlink.expose(createApi(createTestDeps()), port1);
		// Comlink types nested namespaces as promises; at run time the property chain calls through.
		const remote = Comlink.wrap(port2) as unknown as Client;
		const result = await remote.settings.update({ marginWarnPercent: 140 });
		expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
	});
});
