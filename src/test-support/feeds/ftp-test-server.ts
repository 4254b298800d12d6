import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FtpSrv } from 'ftp-srv';

/**
 * A real FTP server (ftp-srv) on 127.0.0.1 and a random port, for the FTP bridge's tests and the
 * bench: one user, one folder of files. Passive data ports stay on loopback too.
 */
export interface FtpTestServer {
	port: number;
	root: string;
	/** Writes (or replaces) a file in the served folder. */
	put: (path: string, content: string | Uint8Array) => void;
	/** How many logins were tried. */
	logins: () => number;
	close: () => Promise<void>;
}

/** ftp-srv logs through bunyan; the tests want silence. */
const quiet = {
	child: () => quiet,
	trace: () => undefined,
	debug: () => undefined,
	info: () => undefined,
	warn: () => undefined,
	error: () => undefined,
	fatal: () => undefined
};

export async function startFtpTestServer(login: {
	user: string;
	password: string;
}): Promise<FtpTestServer> {
	const root = mkdtempSync(join(tmpdir(), 'dd-ftp-'));
	let logins = 0;
	const server = new FtpSrv({
		url: 'ftp://127.0.0.1:0',
		pasv_url: '127.0.0.1',
		pasv_min: 40_000,
		pasv_max: 60_000,
		anonymous: false,
		// A bunyan-shaped silent logger.
		log: quiet
	});
	server.on('login', ({ username, password }, resolve, reject) => {
		logins += 1;
		if (username === login.user && password === login.password) resolve({ root });
		else reject(new Error('Login incorrect.'));
	});
	await server.listen();
	const port = ((server as unknown as { server: Server }).server.address() as AddressInfo).port;
	return {
		port,
		root,
		put: (path, content) => {
			const full = join(root, path);
			mkdirSync(join(full, '..'), { recursive: true });
			writeFileSync(full, content);
		},
		logins: () => logins,
		close: () => server.close().then(() => undefined)
	};
}

/** A TCP server that accepts and never says a word: an FTP server that hangs. */
export async function startSilentServer(): Promise<{ port: number; close: () => Promise<void> }> {
	const sockets = new Set<Socket>();
	const server = createServer((socket) => {
		sockets.add(socket);
		socket.on('error', () => undefined);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
}
