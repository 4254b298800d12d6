/**
 * Whether the browser has a network, as the worker believes it.
 *
 * Why the page tells the worker rather than the worker finding out for itself: in demo mode the
 * simulated distributors answer inside this worker, so a fetch never fails when the dealer's
 * connection drops: `navigator.onLine` is the only signal there is. The worker has its own
 * `navigator.onLine` (WorkerNavigator), which is where it starts; but the page's window gets the
 * `online`/`offline` events in every browser and is where the dealer sees the "Offline." banner,
 * so the page forwards each change (`system.setOnline`) and the banner and the worker never
 * disagree. In live mode a connection that drops without the browser noticing is still caught by
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
