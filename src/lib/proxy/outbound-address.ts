import { isIPv6 } from 'node:net';

/**
 * The pure half of the outbound guard: what a host string means, and whether an address is one
 * the server side may call. No I/O here; `outbound.ts` resolves and connects.
 *
 * IPv4 is read the way inet_aton reads it (and so getaddrinfo, and every socket API behind it):
 * `127.1`, `2130706433`, `0x7f000001`, `0177.0.0.1` and `0` are all addresses, so they are
 * parsed here and never handed to a resolver as if they were names.
 */
export type ParsedHost =
	{ kind: 'ip'; address: string; family: 4 | 6 } | { kind: 'name'; name: string };

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
/** No top-level domain starts with a digit; a last label that does is a mistyped address. */
const NUMBER_LIKE = /^\d/;

/** One inet_aton part: decimal, octal (leading 0) or hex (0x); null when it is none of those. */
function parsePart(part: string): number | null {
	if (/^0x[0-9a-f]*$/.test(part)) return part === '0x' ? 0 : parseInt(part.slice(2), 16);
	if (/^0[0-7]*$/.test(part)) return parseInt(part, 8);
	if (/^[1-9]\d*$/.test(part)) return Number(part);
	return null;
}

/** An IPv4 address in any inet_aton spelling, as a dotted quad; null when it is not one. */
export function parseIPv4(text: string): string | null {
	const parts = text.split('.');
	if (parts.length > 4) return null;
	const numbers = parts.map(parsePart);
	if (numbers.some((n) => n === null)) return null;
	const values = numbers as number[];
	const last = values.pop()!;
	// a.b.c.d, a.b.(16 bits), a.(24 bits), (32 bits): the last part fills what is left.
	if (values.some((n) => n > 255) || last >= 2 ** (8 * (4 - values.length))) return null;
	const bytes = [...values];
	for (let i = 3 - values.length; i >= 0; i -= 1) bytes.push(Math.floor(last / 256 ** i) % 256);
	return bytes.join('.');
}

/** The 16 bytes of an IPv6 address (zone id dropped); null when it is not one. */
export function ipv6Bytes(text: string): number[] | null {
	const address = text.split('%')[0] ?? '';
	if (!isIPv6(address)) return null;
	let groups = address.toLowerCase();
	// A dotted IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
	const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(groups);
	if (dotted?.[1]) {
		const quad = dotted[1].split('.').map(Number);
		groups = `${groups.slice(0, -dotted[1].length)}${((quad[0]! << 8) | quad[1]!).toString(16)}:${((quad[2]! << 8) | quad[3]!).toString(16)}`;
	}
	const [head = '', tail] = groups.split('::');
	const left = head === '' ? [] : head.split(':');
	const right = tail === undefined || tail === '' ? [] : tail.split(':');
	const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
	const all = [...left, ...middle, ...right].map((g) => parseInt(g, 16));
	return all.flatMap((g) => [g >> 8, g & 255]);
}

/**
 * What a host string from a request or a setting means: an address (any spelling, brackets and
 * trailing dot allowed, case ignored) or a DNS name. Null when it is neither, e.g. a name whose
 * last label is a number (`1.2.3.4.5`, `0x7g`), which resolvers disagree about.
 */
export function parseHost(host: string): ParsedHost | null {
	let text = host.trim().toLowerCase();
	if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
	if (text.includes(':')) {
		const bytes = ipv6Bytes(text);
		return bytes ? { kind: 'ip', address: formatIPv6(bytes), family: 6 } : null;
	}
	if (text.endsWith('.')) text = text.slice(0, -1);
	if (text === '' || text.length > 253) return null;
	const v4 = parseIPv4(text);
	if (v4 !== null) return { kind: 'ip', address: v4, family: 4 };
	const labels = text.split('.');
	if (!labels.every((l) => LABEL.test(l)) || NUMBER_LIKE.test(labels.at(-1) ?? '')) return null;
	return { kind: 'name', name: text };
}

function formatIPv6(bytes: readonly number[]): string {
	const groups: string[] = [];
	for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
	// Canonical enough to compare: let URL compress the longest zero run.
	return new URL(`http://[${groups.join(':')}]`).hostname.slice(1, -1);
}

/** [first bytes, prefix length, what the range is] */
type Range = readonly [readonly number[], number, string];

const V4_REFUSED: readonly Range[] = [
	[[0], 8, 'unspecified'],
	[[10], 8, 'private'],
	[[100, 64], 10, 'carrier-grade NAT'],
	[[127], 8, 'loopback'],
	[[169, 254], 16, 'link-local'],
	[[172, 16], 12, 'private'],
	[[192, 0, 0], 24, 'IETF protocol assignments'],
	[[192, 0, 2], 24, 'documentation'],
	[[192, 168], 16, 'private'],
	[[198, 18], 15, 'benchmarking'],
	[[198, 51, 100], 24, 'documentation'],
	[[203, 0, 113], 24, 'documentation'],
	[[224], 4, 'multicast'],
	[[240], 4, 'reserved']
];

const V6_REFUSED: readonly Range[] = [
	[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 128, 'unspecified'],
	[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128, 'loopback'],
	[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 'IPv4-mapped'],
	[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 96, 'IPv4-compatible'],
	[[0, 0x64, 0xff, 0x9b, 0, 1], 48, 'local NAT64'],
	[[1, 0, 0, 0, 0, 0, 0, 0], 64, 'discard'],
	[[0x20, 0x01, 0, 0], 32, 'Teredo'],
	[[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
	[[0xfc], 7, 'unique-local'],
	[[0xfe, 0x80], 10, 'link-local'],
	[[0xfe, 0xc0], 10, 'site-local'],
	[[0xff], 8, 'multicast']
];

function inRange(bytes: readonly number[], [prefix, bits]: Range): boolean {
	for (let i = 0; i * 8 < bits; i += 1) {
		const take = Math.min(8, bits - i * 8);
		const mask = (0xff << (8 - take)) & 0xff;
		if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
	}
	return true;
}

/**
 * Why an address may not be called (`'loopback'`, `'private'`, …), or null for a public one. An
 * address that embeds IPv4 and is routed to it (NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) is judged
 * by the IPv4 inside. Anything that is not an address at all is refused too.
 */
export function refusedRange(address: string): string | null {
	const v4 = address.includes(':') ? null : parseIPv4(address);
	if (v4 !== null) {
		const bytes = v4.split('.').map(Number);
		return V4_REFUSED.find((range) => inRange(bytes, range))?.[2] ?? null;
	}
	const bytes = ipv6Bytes(address);
	if (bytes === null) return 'not an address';
	const named = V6_REFUSED.find((range) => inRange(bytes, range));
	if (named) return named[2];
	if (inRange(bytes, [[0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96, '']))
		return refusedRange(bytes.slice(12).join('.'));
	if (inRange(bytes, [[0x20, 0x02], 16, ''])) return refusedRange(bytes.slice(2, 6).join('.'));
	return null;
}
