import Dexie from 'dexie';
import { DISTRIBUTOR_IDS } from '$lib/domain/distributor';
import type { Result } from '$lib/domain/result';
import type { ApiDeps } from '../../lib/worker/core/deps';
import { checkBackup } from './backup-check';
import { runDealerStep, startUp } from './dealer';
import { checkInvariants, type Finding } from './invariants';
import type { DealerStep, Step } from './steps';
import type { SoakTab } from './tab';
import { SoakWorld } from './world';

export interface SoakOptions {
	seed: number;
	/** The days to live, each a list of steps (see steps.ts). */
	history: readonly (readonly Step[])[];
	/** The deliberately broken build: wraps every tab's deps. */
	wrapDeps?: (deps: ApiDeps) => ApiDeps;
	/** Stop at the first break (the unit test) instead of counting them all (the long run). */
	isStopOnBreak?: boolean;
}

export interface SoakReport {
	seed: number;
	days: number;
	steps: number;
	faults: number;
	crashes: number;
	/** Each break once, in the order found, with the step it was found after. */
	findings: (Finding & { step: number })[];
	/** How much happened: store orders, POs, shipments, emails delivered, shipments shown in the store. */
	volume: { orders: number; pos: number; shipments: number; emails: number; storeUpdates: number };
	/** What each step did, for reading a failure. */
	log: string[];
	seconds: number;
}

const outcome = (results: readonly Result<unknown>[]) =>
	results.map((r) => (r.ok ? 'ok' : r.error.code)).join(',') || '-';

/**
 * Lives through a history: runs every step, checks the invariants after each, then lets the world
 * settle (faults off, the app reopened, a few rounds of sending, tracking and email) and checks
 * the quiet invariants and a backup at the end.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
	const started = performance.now();
	const world = new SoakWorld({ seed: options.seed, wrapDeps: options.wrapDeps });
	const findings: SoakReport['findings'] = [];
	const seen = new Set<string>();
	const log: string[] = [];
	const record = (list: readonly Finding[]) => {
		for (const f of list) {
			const key = `${f.invariant}:${f.subject}`;
			if (seen.has(key)) continue;
			seen.add(key);
			findings.push({ ...f, step: world.stats.steps });
			log.push(`  !! ${f.invariant} ${f.subject}: ${f.detail}`);
		}
	};
	const volume = { orders: 0, pos: 0, shipments: 0, emails: 0, storeUpdates: 0 };
	const isBroken = () => options.isStopOnBreak === true && findings.length > 0;

	try {
		await world.setUp();
		for (const [day, steps] of options.history.entries()) {
			log.push(`day ${day + 1}`);
			// Every morning the store has taken a couple of orders and the app syncs them in.
			const morning: Step = { k: 'storeSync', n: 2 };
			for (const step of [morning, ...steps]) {
				const said = await runStep(world, step, record);
				world.stats.steps += 1;
				log.push(`  ${world.stats.steps} ${JSON.stringify(step)} → ${said}`);
				world.tick();
				record(await checkInvariants(world, liveTab(world).deps.db, false));
				if (isBroken()) break;
			}
			if (isBroken()) break;
			world.advanceHours(12);
		}
		if (!isBroken()) {
			log.push('settling');
			await settle(world, record);
			record(await checkInvariants(world, liveTab(world).deps.db, true));
			record(await checkBackup(world, liveTab(world)));
		}
		const db = liveTab(world).deps.db;
		volume.pos = await db.purchaseOrders.count();
		volume.shipments = await db.shipments.count();
		volume.emails = world.mail.deliveries.length;
		volume.orders = world.store.length;
		volume.storeUpdates = world.shop.orders.reduce((n, o) => n + o.fulfillments.length, 0);
	} finally {
		world.close();
		await Promise.all([world.dbName].map((name) => Dexie.delete(name).catch(() => undefined)));
	}
	return {
		seed: options.seed,
		days: options.history.length,
		...world.stats,
		findings,
		volume,
		log,
		seconds: (performance.now() - started) / 1000
	};
}

/** Lets `ms` real milliseconds of the other tab's IndexedDB and network work happen. */
function lag(ms: number): Promise<void> {
	return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}

function liveTab(world: SoakWorld): SoakTab {
	const tab = world.tabs.find((t) => !t.isDead);
	if (!tab) throw new Error('no live tab');
	return tab;
}

/** A tab reloads (or crashed): a new one opens in its place and runs the app's start-up. */
async function replace(
	world: SoakWorld,
	index: number,
	record: (f: Finding[]) => void
): Promise<string> {
	world.tabs[index]?.die();
	const fresh = world.openTab();
	world.tabs[index] = fresh;
	return `reopened: ${await guarded(fresh, () => startUp(fresh), record)}`;
}

/** Runs a call in a tab until it returns or the tab dies; a thrown error is a break. */
async function guarded(
	tab: SoakTab,
	call: () => Promise<Result<unknown>[]>,
	record: (f: Finding[]) => void
): Promise<string> {
	try {
		const done = await Promise.race([call().then(outcome), tab.died.then(() => 'crashed')]);
		return done;
	} catch (cause) {
		const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
		record([
			{
				invariant: 'api_threw',
				subject: message.slice(0, 120),
				detail: cause instanceof Error ? (cause.stack ?? message) : message
			}
		]);
		return `threw ${message}`;
	}
}

async function runInTab(
	world: SoakWorld,
	index: number,
	step: DealerStep,
	record: (f: Finding[]) => void
): Promise<string> {
	let tab = world.tabs[index];
	if (!tab || tab.isDead) {
		tab = world.openTab();
		world.tabs[index] = tab;
		await guarded(tab, () => startUp(tab as SoakTab), record);
	}
	if (step.k === 'reload') return replace(world, index, record);
	const current = tab;
	const said = await guarded(current, () => runDealerStep(world, current, step), record);
	if (!current.isDead) return said;
	world.stats.crashes += 1;
	return `${said}; ${await replace(world, index, record)}`;
}

async function runStep(
	world: SoakWorld,
	step: Step,
	record: (f: Finding[]) => void
): Promise<string> {
	switch (step.k) {
		case 'crash': {
			const tab = liveTab(world);
			tab.crashAfter = step.after;
			const said = await runInTab(world, world.tabs.indexOf(tab), step.step, record);
			tab.crashAfter = null;
			return said;
		}
		case 'twoTabs': {
			const [a, b] = await Promise.all([
				runInTab(world, 0, step.a, record),
				lag(step.lag).then(() => runInTab(world, 1, step.b, record))
			]);
			return `${a} | ${b}`;
		}
		case 'clock':
			world.advanceHours(step.hours);
			return 'ok';
		case 'simFault':
			world.simFault(DISTRIBUTOR_IDS[step.dist % 4] ?? 'wps', step.fault, step.steps);
			return 'on';
		case 'transport':
			world.transportFaults(step.refuse, step.timeout, step.jitterMs, step.steps);
			return 'on';
		case 'disk':
			world.diskFull(step.steps);
			return 'on';
		case 'mailFault':
			world.mailFault(step.fault, step.steps);
			return 'on';
		case 'storeFault':
			world.storeFault(step.fault, step.steps);
			return 'on';
		case 'bounce': {
			const order = world.store[step.pick % Math.max(1, world.store.length)];
			if (order) world.mail.bouncing.add(order.buyer.email.toLowerCase());
			return order ? order.buyer.email : '-';
		}
		case 'distCancel': {
			const held = DISTRIBUTOR_IDS.flatMap((id) => world.sim.orders(id)).filter(
				(o) => !o.cancelled
			);
			const order = held[step.pick % Math.max(1, held.length)];
			if (!order) return '-';
			order.cancelled = true;
			world.sim.changed();
			return order.poNumber;
		}
		case 'backup': {
			const found = await checkBackup(world, liveTab(world));
			record(found);
			return found.length === 0 ? 'ok' : 'broken';
		}
		default:
			return runInTab(world, 0, step, record);
	}
}

/**
 * The quiet after the storm: faults off, every tab closed but one, the app reopened, and a few
 * half-days of the dealer's routine (send, track, email, resend a failed email, import the store).
 */
async function settle(world: SoakWorld, record: (f: Finding[]) => void): Promise<void> {
	world.clearFaults();
	for (const tab of world.tabs) tab.die();
	world.tabs = [];
	await replace(world, 0, record);
	for (let round = 0; round < 3; round++) {
		world.advanceHours(12);
		const tab = liveTab(world);
		await guarded(
			tab,
			async () => {
				const all = JSON.stringify(world.store);
				return [
					await tab.api.orders.importFile({ fileName: 'all.json', text: all }),
					await tab.api.purchaseOrders.resumeAfterRestart({}),
					await tab.api.purchaseOrders.sendWaiting({}),
					await tab.api.tracking.refresh({}),
					await tab.api.storefront.sync({}),
					// The dealer sends the store updates that gave up again, one click at a time.
					...(await retryFailedPushes(tab))
				];
			},
			record
		);
		await runInTab(world, 0, { k: 'sendMail', resendFailed: true }, record);
	}
}

async function retryFailedPushes(tab: SoakTab): Promise<Result<unknown>[]> {
	const results: Result<unknown>[] = [];
	for (const push of await tab.deps.db.storePushes.where('state').equals('failed').toArray())
		results.push(await tab.api.storefront.retryPush({ pushId: push.id }));
	return results;
}
