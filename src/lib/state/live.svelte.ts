import type { Observable } from 'dexie';

/**
 * A liveQuery that also says whether it has answered yet, so a page can tell "still loading"
 * from "not there" (a `$store` is undefined in both cases). Create it while a component
 * initialises: it unsubscribes when the component goes.
 */
export class Live<T> {
	current = $state<T | undefined>(undefined);
	isLoaded = $state(false);
	error = $state<string | null>(null);

	constructor(observable: Observable<T>) {
		$effect(() => {
			const subscription = observable.subscribe({
				next: (value) => {
					this.current = value;
					this.isLoaded = true;
				},
				error: (error: unknown) => {
					this.error = error instanceof Error ? error.message : String(error);
					this.isLoaded = true;
				}
			});
			return () => subscription.unsubscribe();
		});
	}
}
