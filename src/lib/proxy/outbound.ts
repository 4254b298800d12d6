/**
 * The outbound guard: every host the server side reaches (distributors through the CORS proxy,
 * the dealer's SMTP server through /mail, and next the FTP bridge, the WooCommerce store and
 * Automatic's configured address) goes through here, so a request can never steer the server
 * into its own machine or network (SSRF, reliability.md §3). The policy comes from the server's
 * configuration (server-config.ts: `{ allowHosts: config.outbound.allowHosts }`), never a request.
 *
 *   // a fetch (the proxy, a store's REST API): connections pinned, TLS by name, no redirects
 *   const fetchGuarded = createOutboundFetch(policy);                       // outbound-fetch.ts
 *   // nodemailer: it gets a socket already connected to the checked address
 *   nodemailer.createTransport({ host, port, getSocket: outboundSmtpSocket(policy, ports) });
 *   // a raw socket (net or tls), e.g. for an FTP client that accepts one
 *   const socket = await connectOutbound({ host, port, policy, tls: true, signal });
 *   // or only the decision: a client that must dial itself dials `target.address`, and passes
 *   // `target.host` as its TLS servername so the certificate is still checked against the name
 *   const target = await resolveOutbound({ host, port, policy, ports: [21, 990] });
 *   if (!target.ok) return refuse(target.reason, target.message);      // 'guard' | 'dns' | 'timeout'
 *
 * Rules: every address a name resolves to (dns.lookup, all: true) must be public (see
 * outbound-address.ts: loopback, private, link-local, CGNAT, multicast, unspecified,
 * IPv4-mapped and unique-local are not), however the host is spelled; the connection goes to the
 * address that was checked, never through a second lookup (DNS rebinding); TLS verifies the
 * certificate against the host *name*. Failures are OutboundErrors with a reason
 * (`UnreachableReason`), so the page can say "could not reach X: the connection was refused"
 * apart from X's own error.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { connect as netConnect, type Socket } from 'node:net';
import { rootCertificates, connect as tlsConnect } from 'node:tls';
import type { UnreachableReason } from '../domain/unreachable.ts';
import { parseHost, refusedRange } from './outbound-address.ts';

export type Resolver = (host: string) => Promise<readonly { address: string; family: number }[]>;
export type SocketOpener = (options: { host: string; port: number }) => Socket;

export interface OutboundPolicy {
	/** Host names (or addresses) the operator allows even though they resolve privately. */
	allowHosts: readonly string[];
	/** Injected in tests; `dns.lookup` with `all: true` by default. */
	resolve?: Resolver;
	/** Injected in tests; `net.connect` by default. Always receives the checked address. */
	openSocket?: SocketOpener;
	/** For lookup and for the TCP (and TLS) handshake; 10 s by default. */
	connectTimeoutMs?: number;
	/** Extra trusted CA certificates (PEM), beside Node's own: an operator's private CA, the tests'. */
	extraCa?: readonly string[];
}

export type OutboundTarget = {
	ok: true;
	/** The host as given, normalised (lower case, no brackets or trailing dot): for SNI and Host. */
	host: string;
	/** The checked address: the only one to connect to. */
	address: string;
	family: 4 | 6;
	port: number;
};
export type OutboundRefusal = { ok: false; reason: 'guard' | 'dns' | 'timeout'; message: string };

/** A failure to reach a host; `phase: 'connect'` means nothing was sent to it. */
export class OutboundError extends Error {
	constructor(
		readonly reason: UnreachableReason,
		message: string,
		readonly phase: 'connect' | 'exchange' = 'connect'
	) {
		super(message);
		this.name = 'OutboundError';
	}
}

const defaultResolve: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });
const timeoutOf = (policy: OutboundPolicy) => policy.connectTimeoutMs ?? 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(onTimeout()), ms);
	});
	return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** The operator's allow-list, normalised the way hosts are, so `127.1` matches `127.0.0.1`. */
function isAllowed(policy: OutboundPolicy, normalised: string): boolean {
	return policy.allowHosts.some((allowed) => {
		const parsed = parseHost(allowed);
		return parsed !== null && (parsed.kind === 'ip' ? parsed.address : parsed.name) === normalised;
	});
}

/**
 * Resolves `host` and checks every address; returns the one to connect to, or why not. `ports`
 * limits the port (e.g. /mail's 25, 465, 587, 2525).
 */
export async function resolveOutbound(input: {
	host: string;
	port: number;
	policy: OutboundPolicy;
	ports?: readonly number[];
}): Promise<OutboundTarget | OutboundRefusal> {
	const { port, policy } = input;
	const refuse = (message: string): OutboundRefusal => ({ ok: false, reason: 'guard', message });
	if (!Number.isInteger(port) || port < 1 || port > 65_535)
		return refuse('That port is not valid.');
	if (input.ports && !input.ports.includes(port))
		return refuse(`Port ${port} is not allowed here (allowed: ${input.ports.join(', ')}).`);
	const parsed = parseHost(input.host);
	if (parsed === null) return refuse('That is not a host name or address.');
	const host = parsed.kind === 'ip' ? parsed.address : parsed.name;
	const isOperatorAllowed = isAllowed(policy, host);
	let addresses: readonly { address: string; family: number }[];
	if (parsed.kind === 'ip') addresses = [parsed];
	else {
		try {
			addresses = await withTimeout(
				(policy.resolve ?? defaultResolve)(parsed.name),
				timeoutOf(policy),
				() => new OutboundError('timeout', `Looking up ${host} timed out.`)
			);
		} catch (cause) {
			return cause instanceof OutboundError
				? { ok: false, reason: 'timeout', message: cause.message }
				: { ok: false, reason: 'dns', message: `${host} could not be found (DNS).` };
		}
	}
	// Canonical addresses only: a connect() given anything else would look it up again.
	const checked: { address: string; family: 4 | 6 }[] = [];
	for (const { address } of addresses) {
		const ip = parseHost(address);
		if (ip?.kind !== 'ip') return refuse(`${host} resolves to something that is not an address.`);
		checked.push(ip);
	}
	const first = checked[0];
	if (first === undefined) return { ok: false, reason: 'dns', message: `${host} has no address.` };
	if (!isOperatorAllowed) {
		// All of them, not just the first: a name that also resolves privately is refused outright.
		for (const { address } of checked) {
			const range = refusedRange(address);
			if (range === null) continue;
			return refuse(
				parsed.kind === 'ip'
					? `${host} is a ${range} address.`
					: `${host} resolves to a ${range} address (${address}).`
			);
		}
	}
	return { ok: true, host, address: first.address, family: first.family, port };
}

/** Maps a socket or TLS error to the dealer's reason. */
export function reasonOf(cause: unknown): UnreachableReason {
	if (cause instanceof OutboundError) return cause.reason;
	const code = String((cause as { code?: unknown } | null)?.code ?? '');
	if (/^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|ENODATA|ESERVFAIL)$/.test(code)) return 'dns';
	if (/^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)$/.test(code)) return 'refused';
	if (/^(ETIMEDOUT|ESOCKETTIMEDOUT|UND_ERR_CONNECT_TIMEOUT)$/.test(code)) return 'timeout';
	if (/CERT|SSL|TLS|ERR_TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/.test(code)) return 'tls';
	return 'network';
}

/**
 * Resolves with `socket` once it emits `event`; rejects with an OutboundError when it fails or
 * takes longer than `ms`, or with the signal's reason on abort. On failure `owned` (the socket
 * and what it wraps) is destroyed, so nothing is left open.
 */
function settle<S extends Socket>(
	socket: S,
	event: string,
	options: { ms: number; what: string; owned: readonly Socket[]; signal?: AbortSignal }
): Promise<S> {
	return new Promise<S>((resolve, reject) => {
		const fail = (error: unknown) => {
			clearTimeout(timer);
			socket.off('error', onError);
			options.signal?.removeEventListener('abort', onAbort);
			for (const owned of options.owned) owned.destroy();
			reject(error);
		};
		const onError = (cause: Error) =>
			fail(new OutboundError(reasonOf(cause), `${options.what} failed: ${cause.message}`));
		const onAbort = () => fail(options.signal?.reason);
		const timer = setTimeout(
			() => fail(new OutboundError('timeout', `${options.what} timed out.`)),
			options.ms
		);
		socket.once(event, () => {
			clearTimeout(timer);
			socket.off('error', onError);
			options.signal?.removeEventListener('abort', onAbort);
			resolve(socket);
		});
		socket.once('error', onError);
		if (options.signal?.aborted) onAbort();
		else options.signal?.addEventListener('abort', onAbort, { once: true });
	});
}

/**
 * A connected socket to `host:port` through the guard: TCP to the checked address, then TLS
 * (when asked) with SNI and certificate checks against the host name. Rejects with OutboundError,
 * or with the signal's reason when it aborts first.
 */
export async function connectOutbound(input: {
	host: string;
	port: number;
	policy: OutboundPolicy;
	ports?: readonly number[];
	tls?: boolean;
	signal?: AbortSignal;
}): Promise<Socket> {
	const target = await resolveOutbound(input);
	input.signal?.throwIfAborted();
	if (!target.ok) throw new OutboundError(target.reason, target.message);
	const open = input.policy.openSocket ?? ((o) => netConnect(o));
	const ms = timeoutOf(input.policy);
	const signal = input.signal;
	const socket = open({ host: target.address, port: target.port });
	const raw = await settle(socket, 'connect', {
		ms,
		what: `Connecting to ${target.host}`,
		owned: [socket],
		...(signal ? { signal } : {})
	});
	if (!input.tls) return raw;
	const isName = parseHost(target.host)?.kind === 'name';
	const extraCa = input.policy.extraCa ?? [];
	const secure = tlsConnect({
		socket: raw,
		// The certificate is checked against the name, not the address the socket went to.
		host: target.host,
		...(isName ? { servername: target.host } : {}),
		...(extraCa.length > 0 ? { ca: [...rootCertificates, ...extraCa] } : {})
	});
	return settle(secure, 'secureConnect', {
		ms,
		what: `The secure connection to ${target.host}`,
		owned: [secure, raw],
		...(signal ? { signal } : {})
	});
}
