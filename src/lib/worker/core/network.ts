/**
 * Whether the browser has a network, as the worker believes it.
 *
 * Why the page tells the worker rather than the worker finding out for itself: in demo mode the
 * simulated distributors answer inside this worker, so a fetch never fails when the dealer's
 * connection drops. The page decides (state/reachability.ts: `navigator.onLine` false is believed,
 * true is confirmed against the app's own origin, and a request of ours that fails makes it look
 * again) and forwards each change (`system.setOnline`), so the "Offline." banner and the worker
 * never disagree. In live mode a connection that drops between two checks is still caught by
 * placement itself: the failed request goes `unknown` and is looked up, never resent blindly.
 */
export class Network {
	private online: boolean;

	constructor(isOnline: boolean) {
		this.online = isOnline;
	}

	isOnline(): boolean {
		return this.online;
	}

	setOnline(isOnline: boolean): void {
		this.online = isOnline;
	}
}

/**
 * A fetch that says when a request could not get through at all (a network error, not an HTTP
 * answer and not the dealer's Cancel), so the page looks again at whether it is online.
 */
export function reportingFailures(base: typeof fetch, report: () => void): typeof fetch {
	return async (input, init) => {
		try {
			return await base(input, init);
		} catch (cause) {
			if (!(cause instanceof DOMException && cause.name === 'AbortError')) report();
			throw cause;
		}
	};
}
