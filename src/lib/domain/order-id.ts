/**
 * An order's id, derived from the store's order number (unique in a shop), so two devices that
 * import the same web order make the same record: replication then meets one document and merges
 * it, instead of carrying two orders with different ids. FNV-1a 64 over the number's UTF-8 bytes,
 * in base 36; the `o-` prefix keeps it apart from random ids. A collision with another number is
 * handled where the order is written (a random id is taken instead).
 */
export function orderIdFor(number: string): string {
	let hash = 0xcbf29ce484222325n;
	for (const byte of new TextEncoder().encode(number)) {
		hash ^= BigInt(byte);
		hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
	}
	return `o-${hash.toString(36)}`;
}
