import { Writable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { Client, FTPError } from 'basic-ftp';
import type { FtpFailure, FtpTls } from '../domain/feed-source.ts';
import { reasonOf, type OutboundTarget } from './outbound.ts';

/**
 * One file from an FTP server with basic-ftp, to a byte stream. The control connection goes to the
 * address the outbound guard checked (never a second lookup); data connections go to that same
 * address whatever PASV names (`allowSeparateTransferHost: false`), so a server cannot point the
 * bridge at another machine. TLS (AUTH TLS) when the server offers it, or always when `required`;
 * the certificate is checked against the host name.
 */
export interface FtpDownload {
	target: OutboundTarget;
	user: string;
	password: string;
	path: string;
	file: string;
	tls: FtpTls;
	maxBytes: number;
	timeoutMs: number;
	extraCa?: readonly string[];
	signal?: AbortSignal;
}

export type FtpOutcome =
	| { ok: true; body: ReadableStream<Uint8Array>; size: number | null }
	| { ok: false; error: FtpFailure; message: string };

class TooLarge extends Error {}

const fail = (error: FtpFailure, message: string) => ({ ok: false as const, error, message });

/** The FTP reply or socket error in the dealer's words. */
function failureOf(cause: unknown, input: FtpDownload): Extract<FtpOutcome, { ok: false }> {
	const where = `${input.file} in ${input.path}`;
	if (cause instanceof TooLarge)
		return fail(
			'too_large',
			`${input.file} is larger than the ${mb(input.maxBytes)} this server allows.`
		);
	if (cause instanceof FTPError) {
		if (cause.code === 530 || cause.code === 331 || cause.code === 332)
			return fail('login_refused', 'login refused (check the FTP user and password).');
		// 551 is ftp-srv's RETR answer for a missing file; 550 everyone else's.
		if ([450, 550, 551, 553].includes(cause.code))
			return fail('not_found', `${where} was not found.`);
		return fail('network', `the FTP server answered ${cause.code}.`);
	}
	const text = cause instanceof Error ? cause.message : String(cause);
	if (/timeout/i.test(text)) return fail('timeout', 'the FTP server did not answer in time.');
	const reason = reasonOf(cause);
	if (reason === 'refused') return fail('refused', 'the FTP server refused the connection.');
	if (reason === 'tls') return fail('tls', 'the secure connection (FTPS) failed.');
	return fail('network', 'the connection to the FTP server failed.');
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * AUTH TLS, and whether the server took it. Servers list AUTH TLS in FEAT and still refuse it
 * (ftp-srv without a certificate), so the answer to the command itself decides; a refusal (5xx)
 * leaves the control connection as it was, in plain FTP.
 */
async function startTls(client: Client, input: FtpDownload): Promise<boolean> {
	const { host } = input.target;
	const extraCa = input.extraCa ?? [];
	try {
		await client.useTLS({
			host,
			...(/[a-z]/i.test(host) ? { servername: host } : {}),
			...(extraCa.length > 0 ? { ca: [...rootCertificates, ...extraCa] } : {})
		});
		return true;
	} catch (cause) {
		if (cause instanceof FTPError && cause.code >= 500) return false;
		throw cause;
	}
}

/** Logs nothing: basic-ftp's verbose log would print the password (USER/PASS). */
export async function downloadFtpFile(input: FtpDownload): Promise<FtpOutcome> {
	const { target } = input;
	const client = new Client(input.timeoutMs, { allowSeparateTransferHost: false });
	client.ftp.verbose = false;
	const onAbort = () => client.close();
	input.signal?.addEventListener('abort', onAbort, { once: true });
	const close = () => {
		input.signal?.removeEventListener('abort', onAbort);
		client.close();
	};
	let size: number | null = null;
	try {
		await client.connect(target.address, target.port);
		if (input.tls !== 'off') {
			const isSecure = await startTls(client, input);
			if (input.tls === 'required' && !isSecure) {
				close();
				return fail('tls', 'the FTP server does not offer FTPS, which this source requires.');
			}
		}
		await client.login(input.user, input.password);
		await client.useDefaultSettings();
		await client.cd(input.path);
		// SIZE tells a missing file (550) and an oversized one before any byte moves; a server
		// without SIZE (500, 502) is measured while it streams instead.
		size = await client.size(input.file).catch((cause: unknown) => {
			if (cause instanceof FTPError && cause.code !== 550) return null;
			throw cause;
		});
		if (size !== null && size > input.maxBytes) throw new TooLarge();
	} catch (cause) {
		close();
		return failureOf(cause, input);
	}
	return stream(client, input, size, close);
}

/**
 * Starts the download and answers once the first bytes (or the end) arrived, so a file the
 * server refuses still gets its own message; a failure later ends the stream with an error.
 */
function stream(
	client: Client,
	input: FtpDownload,
	size: number | null,
	close: () => void
): Promise<FtpOutcome> {
	let controller!: ReadableStreamDefaultController<Uint8Array>;
	let received = 0;
	let isAnswered = false;
	return new Promise<FtpOutcome>((answer) => {
		const body = new ReadableStream<Uint8Array>({
			start: (c) => void (controller = c),
			cancel: () => close()
		});
		const begin = () => {
			if (isAnswered) return;
			isAnswered = true;
			answer({ ok: true, body, size });
		};
		const sink = new Writable({
			write(chunk: Buffer, _encoding, done) {
				received += chunk.byteLength;
				if (received > input.maxBytes) return done(new TooLarge());
				begin();
				controller.enqueue(new Uint8Array(chunk));
				done();
			}
		});
		client
			.downloadTo(sink, input.file)
			.then(() => {
				begin();
				controller.close();
			})
			.catch((cause: unknown) => {
				const failure = failureOf(cause, input);
				if (isAnswered) controller.error(new Error(failure.message));
				else {
					isAnswered = true;
					answer(failure);
				}
			})
			.finally(close);
	});
}
