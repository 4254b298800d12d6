/**
 * msw's cookie store requires `localStorage` in any browser-like environment (it throws
 * "Failed to create a CookieStore" otherwise), and a Web Worker has none. The demo simulators set
 * no cookies, so an in-memory stand-in is enough. Imported before msw, in the worker only.
 */
if (typeof globalThis.localStorage === 'undefined') {
	const items = new Map<string, string>();
	const storage: Storage = {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (key) => items.get(key) ?? null,
		key: (index) => [...items.keys()][index] ?? null,
		removeItem: (key) => void items.delete(key),
		setItem: (key, value) => void items.set(key, String(value))
	};
	Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
}

export {};
