/**
 * Whether the app can reach the network, as the dealer sees it in the "Offline." banner.
 *
 * `navigator.onLine` only says the machine has a link: it is true on a shop network whose internet
 * is down, and Debian's Chromium 150 reads true after a reload under offline emulation. So
 * `false` from the browser is believed at once, but `true` is confirmed by a cheap request to the
 * app's own origin (`probe`); a request of the worker that fails, or the browser's `online` event,
 * makes it look again, and while offline it looks again every `retryMs` until the network is back.
 */
export interface ReachabilityDeps {
	/** A cheap request to the app's own origin: resolves on any HTTP answer, rejects when unreachable. */
	probe: () => Promise<unknown>;
	isBrowserOnline: () => boolean;
	/** Called on every change, and once with the first answer. */
	onChange: (isOnline: boolean) => void;
	retryMs?: number;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
}

/** While offline, how often the origin is asked again (a HEAD request: a few hundred bytes). */
export const OFFLINE_RETRY_MS = 5_000;

export class Reachability {
	/** null until the first check has answered. */
	isOnline: boolean | null = null;
	private checking: Promise<boolean> | null = null;
	private timer: unknown = null;
	private isStopped = false;

	constructor(private readonly deps: ReachabilityDeps) {}

	/** Looks now (one request at a time however often it is asked); returns the answer. */
	check(): Promise<boolean> {
		this.checking ??= this.look().finally(() => (this.checking = null));
		return this.checking;
	}

	/** The browser's `offline` event: no request can succeed, so no need to ask. */
	wentOffline(): void {
		this.settle(false);
	}

	stop(): void {
		this.isStopped = true;
		this.clearRetry();
	}

	private async look(): Promise<boolean> {
		if (!this.deps.isBrowserOnline()) return this.settle(false);
		const isReachable = await this.deps.probe().then(
			() => true,
			() => false
		);
		return this.settle(isReachable);
	}

	private settle(isOnline: boolean): boolean {
		if (this.isStopped) return isOnline;
		const isChange = this.isOnline !== isOnline;
		this.isOnline = isOnline;
		this.clearRetry();
		if (!isOnline) {
			const set = this.deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
			this.timer = set(() => void this.check(), this.deps.retryMs ?? OFFLINE_RETRY_MS);
		}
		if (isChange) this.deps.onChange(isOnline);
		return isOnline;
	}

	private clearRetry(): void {
		if (this.timer === null) return;
		const clear = this.deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
		clear(this.timer);
		this.timer = null;
	}
}

/** The probe the app uses: HEAD of its own start page, past every cache (the service worker only answers GET). */
export function probeOrigin(origin: string, timeoutMs = 5_000): Promise<Response> {
	return fetch(new URL('/', origin), {
		method: 'HEAD',
		cache: 'no-store',
		signal: AbortSignal.timeout(timeoutMs)
	});
}
