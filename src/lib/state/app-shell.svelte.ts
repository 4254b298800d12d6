import { dev } from '$app/environment';

/**
 * The app shell's own state: whether the network is there, and whether a new version of the app
 * has been downloaded and waits for the dealer to reload (never forced on a tab mid-work).
 */
export class AppShell {
	isOnline = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	isUpdateReady = $state(false);
	private waiting: ServiceWorker | null = null;

	start(): () => void {
		const online = () => (this.isOnline = true);
		const offline = () => (this.isOnline = false);
		addEventListener('online', online);
		addEventListener('offline', offline);
		void this.register();
		return () => {
			removeEventListener('online', online);
			removeEventListener('offline', offline);
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
