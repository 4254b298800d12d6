import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { replaceCatalog } from '$lib/db/writes';
import { DISTRIBUTOR_IDS, type DistributorId } from '$lib/domain/distributor';
import type { FeedSource } from '$lib/domain/feed-source';
import { syntheticOffers } from '$lib/feeds/synthetic';
import { createTestDeps } from '$test-support/worker/test-deps';
import { createApi } from '../api';

/**
 * The morning schedule on a fake clock (local time): a feed is fetched once its publish time has
 * passed since the last fetch, once however many tabs ask, and a failure is tried again on the
 * next round. PU's price file is never asked for a third time in a day.
 */
const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../feeds/fixtures/${name}`, import.meta.url)));

const WPS_CSV = [
	'sku,standard_dealer_price,supplier_product_id,brand,upc,name,list_price,mapp_price,status,ca_warehouse,ga_warehouse,id_warehouse,in_warehouse,pa_warehouse,pa2_warehouse,tx_warehouse',
	'15-0174,30.00,FA213HH,EBC,,EBC sintered brake pads,49.95,,STK,3,0,0,0,0,0,1',
	'87-4012,12.50,350-0111,Fly Racing,,Kinetic gloves,29.95,,STK,0,0,0,0,0,0,5'
].join('\n');

const AUTOMATIC_MAPPING = {
	sku: 'Item #',
	cost: 'Your Cost',
	mpn: 'Mfg Part',
	brand: 'Manufacturer',
	stock: [{ column: 'Qty East', warehouse: 'EAST' }]
};

const ftp = (files: string[]) => ({
	host: 'ftp.example.test',
	port: 21,
	user: 'dealer42',
	path: '/feeds',
	files,
	tls: 'when-offered' as const
});

const SOURCES: Record<DistributorId, FeedSource> = {
	wps: { kind: 'url', publishTime: '06:00', url: 'https://api.wps-inc.com/feeds/items.csv' },
	pu: {
		kind: 'pu-pricefile',
		publishTime: '06:00',
		portal: { dealerCode: '12345', username: 'parts' }
	},
	tucker: { kind: 'ftp', publishTime: '06:00', ftp: ftp(['itemmstrnew', 'invlist']) },
	automatic: { kind: 'ftp', publishTime: '06:00', ftp: ftp(['catalog.csv']) }
};

/** A stand-in for the proxy and the distributors: counts each distributor's feed requests. */
function feedServer() {
	const calls: Record<DistributorId, number> = { wps: 0, pu: 0, tucker: 0, automatic: 0 };
	const failing = new Set<DistributorId>();
	const transport: typeof fetch = async (input, init) => {
		const request = new Request(input, init);
		const url = new URL(request.url);
		const id: DistributorId = url.host.startsWith('ftp-bridge')
			? (url.pathname.slice(1) as DistributorId)
			: url.host.includes('wps')
				? 'wps'
				: 'pu';
		calls[id] += 1;
		if (failing.has(id))
			return Response.json(
				{ error: 'login_refused', message: 'login refused (check the FTP user and password).' },
				{ status: 502 }
			);
		if (id === 'wps') return new Response(WPS_CSV);
		if (id === 'pu')
			return new Response(
				zipSync({
					'BasePriceFile.csv': fixture('pu-BasePriceFile.csv'),
					'12345_PriceFile.csv': fixture('pu-12345_PriceFile.csv')
				})
			);
		const { file } = (await request.json()) as { file: string };
		const names: Record<string, string> = {
			itemmstrnew: 'tucker-itemmstrnew.txt',
			invlist: 'tucker-invlist.txt',
			'catalog.csv': 'automatic-generic.csv'
		};
		return new Response(fixture(names[file] ?? 'missing'));
	};
	return { calls, failing, transport };
}

/** A dealer whose four feeds were fetched yesterday at 06:30, and a clock we move. */
async function dealer() {
	const server = feedServer();
	let now = new Date(2026, 10, 20, 5, 0);
	const deps = createTestDeps({ fetch: server.transport, now: () => now });
	const api = createApi(deps);
	const yesterday = new Date(2026, 10, 19, 6, 30).toISOString();
	for (const id of DISTRIBUTOR_IDS) {
		await replaceCatalog(
			deps.db,
			{
				id: `old-${id}`,
				distributorId: id,
				source: 'seed',
				startedAt: yesterday,
				finishedAt: yesterday,
				errorCount: 0
			},
			syntheticOffers(2, id)
		);
		const saved = await api.feeds.saveSource({
			distributorId: id,
			source: SOURCES[id],
			password: 'secret'
		});
		expect(saved.ok).toBe(true);
	}
	await deps.db.settings.put({ key: 'feedMapping:automatic', value: AUTOMATIC_MAPPING });
	return {
		deps,
		api,
		server,
		at: (hours: number, minutes = 0, day = 20) => {
			now = new Date(2026, 10, day, hours, minutes);
		}
	};
}

const currentIds = async ({ deps }: Awaited<ReturnType<typeof dealer>>) =>
	(await deps.db.feedImports.where('state').equals('complete').toArray()).map((f) => f.id).sort();

describe('the morning feed schedule', () => {
	it('fetches nothing new when the app opens at 05:00, before the 06:00 publish time', async () => {
		const d = await dealer();
		const before = await currentIds(d);
		expect(await d.api.feeds.fetchDue({})).toEqual({ ok: true, value: { fetched: [] } });
		expect(d.server.calls).toEqual({ wps: 0, pu: 0, tucker: 0, automatic: 0 });
		expect(await currentIds(d)).toEqual(before);
	});

	it('fetches each distributor once when it opens at 07:00, and not again that morning', async () => {
		const d = await dealer();
		d.at(7, 0);
		const round = await d.api.feeds.fetchDue({});
		expect(
			round.ok && 'fetched' in round.value && round.value.fetched.map((f) => f.entry.outcome)
		).toEqual(['imported', 'imported', 'imported', 'imported']);
		expect(d.server.calls).toEqual({ wps: 1, pu: 1, tucker: 2, automatic: 1 }); // Tucker: two files
		d.at(7, 15);
		await d.api.feeds.fetchDue({});
		expect(d.server.calls).toEqual({ wps: 1, pu: 1, tucker: 2, automatic: 1 });
	});

	it('fetches once when two tabs open at 07:00 together', async () => {
		const d = await dealer();
		d.at(7, 0);
		// A second tab: its own worker API over the same database and the same (cross-tab) locks.
		const secondTab = createApi({ ...d.deps });
		const [a, b] = await Promise.all([d.api.feeds.fetchDue({}), secondTab.feeds.fetchDue({})]);
		expect([a, b].filter((r) => r.ok && 'skipped' in r.value)).toHaveLength(1);
		await secondTab.feeds.fetchDue({});
		expect(d.server.calls).toEqual({ wps: 1, pu: 1, tucker: 2, automatic: 1 });
	});

	it('keeps the old catalog on a failure, says why, and tries again on the next interval', async () => {
		const d = await dealer();
		d.server.failing.add('tucker');
		d.at(7, 0);
		await d.api.feeds.fetchDue({});
		const tucker = await d.deps.db.feedImports
			.where({ distributorId: 'tucker', state: 'complete' })
			.first();
		expect(tucker?.id).toBe('old-tucker');
		const state = (await d.deps.db.settings.get('feedFetches'))?.value as Record<
			string,
			{ error?: string }
		>;
		expect(state.tucker?.error).toBe(
			'Tucker Rocky FTP: login refused (check the FTP user and password).'
		);

		d.server.failing.clear();
		d.at(7, 15);
		const retry = await d.api.feeds.fetchDue({});
		expect(
			retry.ok && 'fetched' in retry.value && retry.value.fetched.map((f) => f.distributorId)
		).toEqual(['tucker']);
		expect(d.server.calls.tucker).toBe(3); // failed at the first file, then both files
		const after = (await d.deps.db.settings.get('feedFetches'))?.value as Record<
			string,
			{ error?: string }
		>;
		expect(after.tucker?.error).toBeUndefined();
	});
});

describe("Parts Unlimited's price file", () => {
	it('is never asked for a third time in a day: refused without a call', async () => {
		const d = await dealer();
		for (const hour of [7, 8]) {
			d.at(hour);
			const fetched = await d.api.feeds.fetchNow({ distributorId: 'pu' });
			expect(fetched.ok && fetched.value.outcome).not.toBe('failed');
		}
		d.at(9);
		const third = await d.api.feeds.fetchNow({ distributorId: 'pu' });
		expect(third).toMatchObject({ ok: true, value: { outcome: 'failed' } });
		expect(third.ok && third.value.message).toMatch(
			/^Parts Unlimited price file: already downloaded twice today/
		);
		expect(d.server.calls.pu).toBe(2);
		d.at(7, 0, 21);
		await d.api.feeds.fetchNow({ distributorId: 'pu' });
		expect(d.server.calls.pu).toBe(3);
	});

	it('sends the portal login as Basic "<dealer>/<user>:<password>" in a POST', async () => {
		const d = await dealer();
		const seen: Request[] = [];
		const inner = d.server.transport;
		d.deps.fetch = async (input, init) => {
			seen.push(new Request(input, init));
			return inner(input, init);
		};
		const api = createApi(d.deps);
		d.at(7);
		await api.feeds.fetchNow({ distributorId: 'pu' });
		const request = seen[0]!;
		expect(request.method).toBe('POST');
		expect(request.url).toBe('https://dealer.parts-unlimited.com/api/quotes/v2/pricefile');
		expect(request.headers.get('authorization')).toBe(`Basic ${btoa('12345/parts:secret')}`);
		expect(await request.json()).toMatchObject({ dealerCodes: ['12345'], headersPrepended: true });
	});
});
