import { dev } from '$app/environment';
import { REACHABILITY_CHANNEL } from '$lib/domain/reachability';
import { probeOrigin, Reachability } from './reachability';

/**
 * The app shell's own state: whether the network is reachable (see reachability.ts: not only
 * `navigator.onLine`), and whether a new version of the app has been downloaded and waits for the
 * dealer to reload (never forced on a tab mid-work).
 */
export class AppShell {
	isOnline = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	/** False until the first reachability check has answered: nothing is sent on a guess. */
	hasChecked = $state(false);
	isUpdateReady = $state(false);
	private waiting: ServiceWorker | null = null;
	private readonly reachability = new Reachability({
		probe: () => probeOrigin(location.origin),
		isBrowserOnline: () => navigator.onLine,
		onChange: (isOnline) => {
			this.isOnline = isOnline;
			this.hasChecked = true;
		}
	});

	start(): () => void {
		const online = () => void this.reachability.check();
		const offline = () => this.reachability.wentOffline();
		addEventListener('online', online);
		addEventListener('offline', offline);
		// The worker says when one of its requests could not get through (any tab's worker).
		const failures = new BroadcastChannel(REACHABILITY_CHANNEL);
		failures.onmessage = online;
		void this.reachability.check();
		void this.register();
		return () => {
			removeEventListener('online', online);
			removeEventListener('offline', offline);
			failures.close();
			this.reachability.stop();
		};
	}

	private async register(): Promise<void> {
		if (!('serviceWorker' in navigator) || dev) return;
		const registration = await navigator.serviceWorker
			.register('/service-worker.js')
			.catch(() => null);
		if (!registration) return;
		const offer = (worker: ServiceWorker | null) => {
			// Only an update: the very first install has no controller to replace.
			if (worker && navigator.serviceWorker.controller) {
				this.waiting = worker;
				this.isUpdateReady = true;
			}
		};
		offer(registration.waiting);
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				if (installing.state === 'installed') offer(installing);
			});
		});
	}

	/** Switches to the new version and reloads once it has taken over. */
	reload(): void {
		if (!this.waiting) return location.reload();
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
			once: true
		});
		this.waiting.postMessage('SKIP_WAITING');
	}
}
