/**
 * Bugs the dealer should know about: a worker call that threw (a thrown error means a bug, see
 * STYLE.md), an unhandled rejection, an error SvelteKit caught. One list for the whole page, shown
 * by `BugNotice`; each bug is also logged once for whoever opens the console.
 */
class BugReports {
	items = $state<{ id: number; message: string }[]>([]);
	#next = 1;

	report(error: unknown): void {
		const message = error instanceof Error ? error.message : String(error);
		console.error('Dropship Desk bug:', error);
		// The same bug twice in a row is one notice.
		if (this.items.at(-1)?.message === message) return;
		this.items = [...this.items, { id: this.#next++, message }].slice(-3);
	}

	dismiss(id: number): void {
		this.items = this.items.filter((b) => b.id !== id);
	}
}

export const bugReports = new BugReports();

export function reportBug(error: unknown): void {
	bugReports.report(error);
}
