import type { NewOrderInput } from '$lib/domain/order';
import type { DistributorAccount } from '$lib/domain/account';
import { DISTRIBUTOR_IDS, type DistributorId } from '$lib/domain/distributor';
import { getResponse } from 'msw';
import { createHandlers } from '$lib/mocks/handlers';
import { shopifyHandlers } from '$lib/storefronts/shopify/mocks';
import { storeState, type SimStore } from '$lib/storefronts/sim-store';
import type { BuyerNotifier } from '$lib/domain/storefront';
import { catalogFromOffers, seededRandom, Simulator, type Fault } from '$lib/simulator/simulator';
import type { ApiDeps } from '../../lib/worker/core/deps';
import { soakProducts, type SoakProduct } from './catalog';
import { SharedLocks } from './locks';
import { SoakMailServer, type MailFault } from './mail-server';
import { SoakTab } from './tab';
import { AUTOMATIC_UNCONFIRMED } from '$lib/distributors/automatic/constants';

/**
 * Everything the soak's tabs share: the virtual clock, the simulated distributors and mail server,
 * the web store's orders, the lock table, the faults switched on now, and the secrets planted as
 * canaries. Every random choice comes from the seed.
 */
export interface SoakWorldOptions {
	seed: number;
	/** Puts something between every tab's worker and its deps: the deliberately broken build. */
	wrapDeps?: (deps: ApiDeps) => ApiDeps;
}

export interface SoakStats {
	steps: number;
	faults: number;
	crashes: number;
}

/** Faults switched on by a step, each for a number of steps. */
interface ActiveFault {
	stepsLeft: number;
	undo: () => void;
}

export class SoakWorld {
	clock = Date.parse('2026-11-02T14:00:00Z');
	readonly random: () => number;
	readonly sim: Simulator;
	readonly transport: typeof fetch;
	readonly mail: SoakMailServer;
	readonly locks = new SharedLocks();
	readonly products: SoakProduct[];
	readonly dbName: string;
	/** The web store: every order it ever took, in the shape its JSON export has. */
	readonly store: NewOrderInput[] = [];
	readonly canaries: string[];
	readonly stats: SoakStats = { steps: 0, faults: 0, crashes: 0 };
	isDiskFull = false;
	/** The last audit row the canary check has read. */
	auditSeen = 0;
	refuseRate = 0;
	timeoutRate = 0;
	/** Real milliseconds a request may wait before it goes (a slow, uneven network). */
	jitterMs = 0;
	tabs: SoakTab[] = [];
	private readonly active: ActiveFault[] = [];
	private ids = 0;
	private tabIds = 0;

	constructor(readonly options: SoakWorldOptions) {
		this.random = seededRandom(options.seed);
		this.products = soakProducts(options.seed);
		this.dbName = `soak-${options.seed}-${Math.random().toString(36).slice(2)}`;
		this.sim = new Simulator({
			catalog: catalogFromOffers(this.products.flatMap((p) => p.offers)),
			realNow: () => this.clock,
			seed: 1000 + (options.seed % 1000)
		});
		this.transport = soakFetch(this.sim, () => this.storeClockMs());
		this.mail = new SoakMailServer(() => this.clock);
		const tag = (options.seed >>> 0).toString(36).toUpperCase();
		this.canaries = [
			`demo-wps-CANARY${tag}W`,
			`DEMOKEY-CANARY${tag}P`,
			`DEMOTUCKERCANARY${tag}T`,
			`demo-automatic-CANARY${tag}A`,
			`smtp-CANARY${tag}S`,
			`shpat_demo_CANARY${tag}H`
		];
		// Half the dealers let Shopify email the buyer, half send our own email (issue 15).
		this.notifier = this.random() < 0.5 ? 'store' : 'smtp';
	}

	readonly newId = (): string => `s${++this.ids}`;

	/** Who tells the buyer of a shipment of a store order: Shopify or our SMTP email. */
	readonly notifier: BuyerNotifier;
	/** Milliseconds the Shopify adapter has waited for its cost bucket (virtual, never real). */
	storeSleptMs = 0;
	/** The Shopify cost bucket's clock: the world's, plus what the adapter waited for it. */
	storeClockMs(): number {
		return this.clock + this.storeSleptMs;
	}
	/** The web store (Shopify, simulated): its orders, fulfilments and the emails it sent. */
	get shop(): SimStore {
		return storeState(this.sim, 'shopify');
	}

	/** Every tab ever opened, dead ones too, to close at the end. */
	readonly opened: SoakTab[] = [];

	/** Opens a tab (a worker) on the shared database, or on another one (a restore elsewhere). */
	openTab(dbName = this.dbName): SoakTab {
		const tab = new SoakTab(this, ++this.tabIds, this.options.wrapDeps, dbName);
		this.opened.push(tab);
		return tab;
	}

	/** The first tab, with the dealer's settings, accounts (canary keys) and mail server saved. */
	async setUp(): Promise<SoakTab> {
		const tab = this.openTab();
		this.tabs = [tab];
		const { db } = tab.deps;
		await db.settings.put({
			key: 'app',
			value: {
				mode: 'live',
				dealer: { name: 'Soak Powersports', poPrefix: 'SK' },
				isAutoEmailOn: true
			}
		});
		const [wps, pu, tucker, automatic] = this.canaries as [string, string, string, string];
		const credentials: Record<DistributorId, Record<string, string>> = {
			wps: { apiToken: wps },
			pu: { dealerNumber: '10001', apiKey: pu },
			tucker: { customerNumber: '100001', apiKey: tucker },
			// Automatic's address is the dealer's own (from their rep): here, the simulator's.
			automatic: { apiToken: automatic, apiBaseUrl: AUTOMATIC_UNCONFIRMED.simBaseUrl }
		};
		const now = new Date(this.clock).toISOString();
		await db.distributors.bulkPut(
			DISTRIBUTOR_IDS.map((id): DistributorAccount => ({
				id,
				isEnabled: true,
				credentials: credentials[id],
				prerequisitesDone: [],
				updatedAt: now
			}))
		);
		const smtp = await tab.api.mail.saveSmtp({
			host: 'smtp.soak.example',
			port: 587,
			tlsMode: 'starttls',
			user: 'dealer',
			password: this.canaries[4],
			from: 'orders@soak.example'
		});
		if (!smtp.ok) throw new Error(smtp.error.message);
		const store = await tab.api.storefront.connect({
			storefrontId: 'shopify',
			credentials: { shop: SOAK_SHOP, accessToken: this.canaries[5] },
			notifier: this.notifier
		});
		if (!store.ok) throw new Error(store.error.message);
		return tab;
	}

	/** A fault for one call through the transport, drawn from the rates switched on now. */
	transportFault(): 'none' | 'refused' | 'timeout' {
		const draw = this.random();
		if (draw < this.refuseRate) return this.counted('refused');
		if (draw < this.refuseRate + this.timeoutRate) return this.counted('timeout');
		return 'none';
	}

	private counted<T>(fault: T): T {
		this.stats.faults += 1;
		return fault;
	}

	/** Switches a simulator fault on at one distributor for `steps` steps. */
	simFault(distributorId: DistributorId, fault: Fault, steps: number): void {
		this.stats.faults += 1;
		this.sim.setFault(distributorId, fault, true);
		this.active.push({
			stepsLeft: steps,
			undo: () => this.sim.setFault(distributorId, fault, false)
		});
	}

	transportFaults(refuseRate: number, timeoutRate: number, jitterMs: number, steps: number): void {
		this.refuseRate = refuseRate;
		this.timeoutRate = timeoutRate;
		this.jitterMs = jitterMs;
		this.active.push({
			stepsLeft: steps,
			undo: () => {
				this.refuseRate = 0;
				this.timeoutRate = 0;
				this.jitterMs = 0;
			}
		});
	}

	diskFull(steps: number): void {
		this.isDiskFull = true;
		this.active.push({ stepsLeft: steps, undo: () => (this.isDiskFull = false) });
	}

	/** The store refuses every call (THROTTLED) or loses the answers to its writes, for `steps`. */
	storeFault(fault: StoreFault, steps: number): void {
		this.stats.faults += 1;
		const faults = this.shop.faults;
		if (fault === 'refuse') faults.refuseAfterCalls = this.shop.calls;
		else faults.dropWriteAnswers = true;
		this.active.push({
			stepsLeft: steps,
			undo: () => {
				if (fault === 'refuse') delete faults.refuseAfterCalls;
				else delete faults.dropWriteAnswers;
			}
		});
	}

	mailFault(fault: MailFault, steps: number): void {
		this.stats.faults += 1;
		this.mail.fault = fault;
		this.active.push({ stepsLeft: steps, undo: () => (this.mail.fault = 'none') });
	}

	/** One step has passed: faults whose time is up are switched off. */
	tick(): void {
		for (const fault of [...this.active]) {
			fault.stepsLeft -= 1;
			if (fault.stepsLeft <= 0) {
				fault.undo();
				this.active.splice(this.active.indexOf(fault), 1);
			}
		}
	}

	clearFaults(): void {
		for (const fault of this.active.splice(0)) fault.undo();
		this.sim.clearFaults();
		this.shop.faults = {};
	}

	advanceHours(hours: number): void {
		this.clock += hours * 3_600_000;
	}

	close(): void {
		for (const tab of this.opened) tab.close();
	}
}

export type StoreFault = 'refuse' | 'drop_writes';

export const SOAK_SHOP = 'soak-moto.myshopify.com';

/**
 * The demo transport (every simulator in-process, through MSW's getResponse), with Shopify's
 * cost bucket on the soak's virtual clock: the adapter's waits for it cost no real time.
 */
function soakFetch(sim: Simulator, clockMs: () => number): typeof fetch {
	// First match wins: this Shopify comes before the one createHandlers carries (real clock).
	const handlers = [...shopifyHandlers(sim, { clockMs }), ...createHandlers(sim)];
	return async (input, init) => {
		const request = new Request(input, init);
		const response = await getResponse(handlers, request);
		if (!response) return Response.json({ message: 'no simulator' }, { status: 404 });
		// HttpResponse.error() stands for a dropped connection: fetch rejects, as a real one would.
		if (response.type === 'error') throw new TypeError('Failed to fetch');
		return response;
	};
}
