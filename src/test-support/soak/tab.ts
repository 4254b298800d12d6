import { openDb, reopenAfterLoss } from '$lib/db/db';
import { createAdapter } from '$lib/distributors/registry';
import { createApi } from '../../lib/worker/api';
import { Circuits } from '../../lib/worker/core/circuits';
import type { ApiDeps } from '../../lib/worker/core/deps';
import { Network } from '../../lib/worker/core/network';
import { createWriteQueue, type WriteQueue } from '../../lib/worker/core/write-queue';
import { createMailTransport } from '../../lib/worker/mail/transport';
import { SecretBox } from '../../lib/worker/secrets/sealing';
import type { SoakWorld } from './world';
import { memorySyncEngine } from '../worker/memory-sync-engine';

/** A promise that never settles: what a call of a crashed tab waits for. */
const hang = <T>(): Promise<T> => new Promise<T>(() => undefined);

type Effect = 'run' | 'die_before' | 'die_after';

/**
 * One browser tab: its own worker (API, write queue, circuits, Dexie connection) on the shared
 * database. A tab can be told to crash after its next N effects (a distributor call, a write, an
 * email): the effect then either never happens or happens and its answer is never seen, and every
 * later effect of the tab hangs for ever, as a reloaded page's worker would.
 */
export class SoakTab {
	readonly deps: ApiDeps;
	readonly api: ReturnType<typeof createApi>;
	isDead = false;
	/** Effects left before the tab crashes; null when no crash is planned. */
	crashAfter: number | null = null;
	readonly died: Promise<void>;
	private resolveDied: () => void = () => undefined;

	constructor(
		private readonly world: SoakWorld,
		readonly id: number,
		wrap: (deps: ApiDeps) => ApiDeps = (d) => d,
		dbName = world.dbName
	) {
		this.died = new Promise((resolve) => (this.resolveDied = resolve));
		const db = openDb(dbName);
		const queue = createWriteQueue({ reopen: () => reopenAfterLoss(db) });
		const mail = createMailTransport('http://127.0.0.1:4173', world.mail.fetch);
		this.deps = wrap({
			db,
			secrets: new SecretBox(db),
			fetch: (input, init) => this.call(() => world.transport(input, init)),
			now: () => new Date(world.clock),
			random: world.random,
			newId: world.newId,
			writes: this.guardWrites(queue),
			adapters: createAdapter,
			circuits: new Circuits(),
			locks: world.locks.forTab(id),
			network: new Network(true),
			// The mail server has its own faults (mail-server.ts); the transport's are for distributors.
			mail: (smtp, message) => this.call(() => mail(smtp, message), false),
			demo: { simulator: () => world.sim, setActive: async () => undefined },
			// A real dealer's shop: its distributors answer through the world's transport.
			workspace: 'shop',
			// Sync is off, as for a shop on one browser.
			sync: memorySyncEngine,
			// Shopify's throttle waits on the soak's virtual clock.
			storeTiming: {
				clockMs: () => world.storeClockMs(),
				sleep: async (ms) => {
					world.storeSleptMs += ms;
				}
			}
		});
		this.api = createApi(this.deps);
	}

	/** Dies now: its locks go, its connection closes, its pending calls never return. */
	die(): void {
		if (this.isDead) return;
		this.isDead = true;
		this.world.locks.releaseAll(this.id);
		this.resolveDied();
	}

	private effect(): Effect {
		if (this.isDead) return 'die_before';
		if (this.crashAfter === null) return 'run';
		this.crashAfter -= 1;
		if (this.crashAfter > 0) return 'run';
		this.crashAfter = null;
		return this.world.random() < 0.5 ? 'die_before' : 'die_after';
	}

	/** A distributor call or an email, with the transport faults switched on now. */
	private async call<T>(send: () => Promise<T>, hasFaults = true): Promise<T> {
		const effect = this.effect();
		if (effect === 'die_before') {
			this.die();
			return hang();
		}
		const fault = hasFaults ? this.world.transportFault() : 'none';
		if (fault === 'refused') throw new TypeError('Failed to fetch');
		if (hasFaults && this.world.jitterMs > 0) {
			const wait = this.world.random() * this.world.jitterMs;
			await new Promise((resolve) => setTimeout(resolve, wait));
		}
		const answer = await send();
		if (effect === 'die_after') this.die();
		if (this.isDead) return hang();
		if (fault === 'timeout') throw new DOMException('The operation timed out.', 'TimeoutError');
		return answer;
	}

	/** The tab's write queue, with a full disk and crashes before or after a write commits. */
	private guardWrites(queue: WriteQueue): WriteQueue {
		return {
			run: (job) =>
				queue.run(async () => {
					const effect = this.effect();
					if (effect === 'die_before') {
						this.die();
						return hang();
					}
					if (this.world.isDiskFull && this.world.random() < 0.6) {
						this.world.stats.faults += 1;
						throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
					}
					const result = await job();
					if (effect === 'die_after') this.die();
					return this.isDead ? hang() : result;
				}),
			idle: () => queue.idle()
		};
	}

	close(): void {
		this.deps.db.close();
	}
}
