import { afterEach, expect, it } from 'vitest';
import type { CouchServer } from '$test-support/worker/couch-server';
import {
	device,
	eventually,
	orderOn,
	twoDevices,
	type Device
} from '$test-support/worker/two-devices';

let server: CouchServer;
let running: Device[] = [];

afterEach(async () => {
	for (const d of running) await d.api.sync.stop({});
	await server.close();
});

it(
	'a device restarted mid-replication resumes from its checkpoint, not from the start',
	{ timeout: 60_000 },
	async () => {
		const world = await twoDevices();
		server = world.server;
		const { a, b, fake } = world;
		running = [a, b];
		await b.api.sync.stop({});
		for (let n = 0; n < 150; n++) await orderOn(a, String(2000 + n));
		await a.api.sync.flush({});

		// B pulls; it is stopped (the tab closed) once part of the shop has arrived.
		const b1 = await device('B', server, fake, b.deps.db.name);
		running = [a, b1];
		await eventually([b1], async () => {
			expect(await b1.deps.db.orders.count()).toBeGreaterThan(0);
		});
		await b1.api.sync.stop({});
		const before = await b1.deps.db.orders.count();
		await orderOn(a, '2999');
		server.requests.length = 0;

		const b2 = await device('B', server, fake, b.deps.db.name);
		running = [a, b2];
		await eventually([a, b2], async () => {
			expect(await b2.deps.db.orders.count()).toBe(151);
		});
		const pulls = server.requests.filter((r) => r.startsWith('GET /b/shop/_changes'));
		expect(pulls.length).toBeGreaterThan(0);
		// The first pull after the restart starts where the checkpoint left off.
		const since = new URL(pulls[0]!.slice('GET '.length), server.url).searchParams.get('since');
		expect(Number(since)).toBeGreaterThan(0);
		expect(before).toBeGreaterThan(0);
	}
);
