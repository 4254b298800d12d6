/**
 * The store's address as `https://host[/path]`, or null: the keys travel only over HTTPS [S9],
 * and a URL with credentials, a query or a fragment is not a store address.
 */
export function storeBase(address: string): string | null {
	let url: URL;
	try {
		url = new URL(address.trim());
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash)
		return null;
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
