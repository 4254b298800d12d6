import type { Client } from '$lib/worker-client/client.svelte';

/**
 * The work the app does by itself while it is open: on start, POs left mid-send by a closed tab
 * are looked up and POs written while offline are sent once the network is there; the web store's orders are synced and tracking is refreshed on open and every few minutes (the dealer's setting). The
 * worker's Web Lock makes sure only one tab polls; this only rings the bell.
 */
/** A round this recent makes the one on opening the app unnecessary (a reload, a second tab). */
const RECENT_ROUND_MS = 2 * 60_000;

export class BackgroundWork {
	isRefreshing = $state(false);
	private timer: ReturnType<typeof setInterval> | null = null;
	/** As the page last said (reachability, not `navigator.onLine`). */
	private isOnline = typeof navigator === 'undefined' ? true : navigator.onLine;

	constructor(private readonly client: Client) {}

	async start(intervalMinutes: number): Promise<void> {
		await this.client.purchaseOrders.resumeAfterRestart({});
		await this.client.mail.resumeAfterRestart({});
		// A profile with no PO at all may have been wiped: ask the distributors what they hold.
		await this.client.recovery.checkForDataLoss({ onlyIfEmpty: true });
		await this.refresh({ unlessCheckedWithinMs: RECENT_ROUND_MS });
		this.schedule(intervalMinutes);
	}

	/**
	 * The page's reachability reaches the worker here (it decides nothing from its own events: see
	 * worker/network.ts). Coming online, and on start, the POs written while offline
	 * go out; the worker sends each once however often this rings.
	 */
	async setOnline(isOnline: boolean): Promise<void> {
		this.isOnline = isOnline;
		await this.client.system.setOnline({ isOnline });
		if (isOnline) await this.client.purchaseOrders.sendWaiting({});
	}

	schedule(intervalMinutes: number): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = setInterval(() => void this.refresh(), intervalMinutes * 60_000);
	}

	async refresh(options: { unlessCheckedWithinMs?: number } = {}): Promise<void> {
		if (this.isRefreshing || !this.isOnline) return;
		this.isRefreshing = true;
		try {
			// The web store's new orders first (a no-op without a connected store), then tracking,
			// whose round also tells the store about new shipments.
			await this.client.storefront.sync(
				options.unlessCheckedWithinMs ? { unlessSyncedWithinMs: options.unlessCheckedWithinMs } : {}
			);
			await this.client.tracking.refresh(options);
		} finally {
			this.isRefreshing = false;
		}
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}
}
