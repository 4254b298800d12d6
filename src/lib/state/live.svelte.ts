import type { Observable } from 'dexie';

/**
 * A liveQuery that also says whether it has answered yet, so a page can tell "still loading"
 * from "not there" (a `$store` is undefined in both cases). Create it while a component
 * initialises: it unsubscribes when the component goes. Give it a function that builds the query
 * from props (`new Live(() => orderQuery(id))`): the query is built again when they change, so a
 * page never reads a prop only once.
 */
export class Live<T> {
	current = $state<T | undefined>(undefined);
	isLoaded = $state(false);
	error = $state<string | null>(null);

	constructor(query: Observable<T> | (() => Observable<T>)) {
		$effect(() => {
			const observable = typeof query === 'function' ? query() : query;
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
