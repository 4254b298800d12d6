import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { OutboundPolicy, Resolver, SocketOpener } from '../../lib/proxy/outbound.ts';

/**
 * For the outbound guard's tests only: a canary listener on 127.0.0.1 that counts whoever
 * reaches it, a resolver stub, and a socket opener that never leaves loopback. Every address the
 * guard lets through is sent to a loopback port the test chooses (the canary unless told
 * otherwise), so a leak shows up as a canary connection and nothing ever leaves the machine.
 */
export interface Canary {
	port: number;
	/** How many connections reached it. */
	hits: () => number;
	close: () => Promise<void>;
}

export async function startCanary(): Promise<Canary> {
	let hits = 0;
	const sockets = new Set<Socket>();
	const server: Server = createServer((socket) => {
		hits += 1;
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.end('220 canary\r\n');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		hits: () => hits,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
}

/** A resolver from a table; a name not in it is ENOTFOUND, as DNS would say. */
export function stubResolver(
	table: Record<string, string | readonly string[] | (() => string)>
): Resolver & { calls: string[] } {
	const calls: string[] = [];
	const resolve = async (host: string) => {
		calls.push(host);
		const entry = table[host];
		if (entry === undefined)
			throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
		const list =
			typeof entry === 'function' ? [entry()] : typeof entry === 'string' ? [entry] : entry;
		return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
	};
	return Object.assign(resolve, { calls });
}

/**
 * Opens every socket on loopback: to `routes[address]` when the test names a port for that
 * address (a stand-in for a public server), else to the canary. Records what was asked for.
 */
export function loopbackOpener(
	canaryPort: number,
	routes: Record<string, number> = {}
): SocketOpener & { asked: string[] } {
	const asked: string[] = [];
	const open = ({ host }: { host: string; port: number }) => {
		asked.push(host);
		return connect({ host: '127.0.0.1', port: routes[host] ?? canaryPort });
	};
	return Object.assign(open, { asked });
}

/** A policy with the stubs in place and nothing allowed. */
export function guardedPolicy(
	resolve: Resolver,
	openSocket: SocketOpener,
	allowHosts: readonly string[] = []
): OutboundPolicy {
	return { allowHosts, resolve, openSocket, connectTimeoutMs: 2_000 };
}

/**
 * A stand-in for a distributor over real TLS on 127.0.0.1, with a certificate for
 * api.wps-inc.com from the tests' own CA (`tls/`, valid until 2126; the CA's key was thrown
 * away). It answers every request with what it saw: the SNI name, Host and path.
 */
export interface TlsUpstream {
	port: number;
	/** The CA to trust (OutboundPolicy.extraCa). */
	ca: string;
	close: () => Promise<void>;
}

export async function startTlsUpstream(): Promise<TlsUpstream> {
	const read = (name: string) => readFileSync(new URL(`./tls/${name}`, import.meta.url), 'utf8');
	const server = createHttpsServer({ key: read('wps.key'), cert: read('wps.pem') }, (req, res) => {
		const servername = (req.socket as TLSSocket).servername;
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({ servername, host: req.headers.host, path: req.url }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		ca: read('ca.pem'),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
