import type { DistributorId } from '$lib/domain/distributor';
import type { Client } from '$lib/worker-client/client.svelte';

/** The feed being fetched in this tab, for the status strip. */
export interface FeedProgress {
	distributorId: DistributorId;
	rows: number;
	percent: number;
}

/** How often the strip asks the worker how far the feed has got. */
const FEED_PROGRESS_MS = 500;

/**
 * The work the app does by itself while it is open: on start, POs left mid-send by a closed tab
 * are looked up and POs written while offline are sent once the network is there; the web store's orders are synced and tracking is refreshed on open and every few minutes (the dealer's setting). The
 * worker's Web Lock makes sure only one tab polls; this only rings the bell.
 */
/** A round this recent makes the one on opening the app unnecessary (a reload, a second tab). */
const RECENT_ROUND_MS = 2 * 60_000;

export class BackgroundWork {
	isRefreshing = $state(false);
	/** True while this tab fetches the morning feeds; `feedProgress` once a file is being read. */
	isFetchingFeeds = $state(false);
	feedProgress = $state<FeedProgress | null>(null);
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
		// The morning feeds after tracking: tracking is minutes old, the catalog can wait a little.
		await this.fetchFeeds();
	}

	/**
	 * The feeds whose publish time has passed (the worker decides, under its lock, so two tabs
	 * fetch once). Progress is polled for the strip while it runs.
	 */
	async fetchFeeds(): Promise<void> {
		if (this.isFetchingFeeds || !this.isOnline) return;
		this.isFetchingFeeds = true;
		const poll = setInterval(async () => {
			const progress = await this.client.feeds.progress({});
			this.feedProgress = progress.ok && progress.value ? progress.value : null;
		}, FEED_PROGRESS_MS);
		try {
			await this.client.feeds.fetchDue({});
		} finally {
			clearInterval(poll);
			this.isFetchingFeeds = false;
			this.feedProgress = null;
		}
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
		this.timer = setInterval(() => {
			void this.refresh().then(() => this.fetchFeeds());
		}, intervalMinutes * 60_000);
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
