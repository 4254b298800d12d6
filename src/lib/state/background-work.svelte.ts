import type { Client } from '$lib/worker-client/client.svelte';

/**
 * The work the app does by itself while it is open: on start, POs left mid-send by a closed tab
 * are looked up; tracking is refreshed on open and every few minutes (the dealer's setting). The
 * worker's Web Lock makes sure only one tab polls; this only rings the bell.
 */
export class BackgroundWork {
	isRefreshing = $state(false);
	private timer: ReturnType<typeof setInterval> | null = null;

	constructor(private readonly client: Client) {}

	async start(intervalMinutes: number): Promise<void> {
		await this.client.purchaseOrders.resumeAfterRestart({});
		await this.refresh();
		this.schedule(intervalMinutes);
	}

	schedule(intervalMinutes: number): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = setInterval(() => void this.refresh(), intervalMinutes * 60_000);
	}

	async refresh(): Promise<void> {
		if (this.isRefreshing || !navigator.onLine) return;
		this.isRefreshing = true;
		try {
			await this.client.tracking.refresh({});
		} finally {
			this.isRefreshing = false;
		}
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}
}
