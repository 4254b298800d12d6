import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
// Relative: this module is also loaded by vite.config.ts, where $lib does not resolve.
import { MailRequest } from '../domain/smtp.ts';

/**
 * The proxy side's /mail endpoint: takes one email and the dealer's SMTP settings from the app,
 * sends it with nodemailer, and answers with the server's message id or its error. It runs beside
 * the CORS proxy (Node only), never in the browser.
 *
 * It is not a relay for anyone who asks: only POST with our custom header from the app's own
 * origin, one recipient, a capped body, and no SMTP server on a private or loopback address
 * unless the operator allows it (the tests do, for their local SMTP server).
 */
export interface MailHandlerOptions {
	/** The app's own origins (localhost and 127.0.0.1 forms of one server). */
	appOrigins: readonly string[];
	allowPrivateHosts?: boolean;
	/** Injected in tests; nodemailer's SMTP transport by default. */
	createTransport?: typeof nodemailer.createTransport;
	maxBodyBytes?: number;
	/** How long an email's idempotency key is remembered (a day, like Resend's window). */
	rememberMs?: number;
	now?: () => number;
}

/** Keys remembered at most; the oldest go first. */
const MAX_REMEMBERED = 10_000;

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function isPrivateHost(host: string): boolean {
	const lower = host.toLowerCase();
	if (lower === 'localhost' || lower.endsWith('.localhost') || lower.endsWith('.local'))
		return true;
	if (isIP(lower) === 0) return false;
	return (
		/^(127\.|10\.|192\.168\.|169\.254\.|0\.|172\.(1[6-9]|2\d|3[01])\.)/.test(lower) ||
		lower === '::1' ||
		lower.startsWith('fc') ||
		lower.startsWith('fd') ||
		lower.startsWith('fe80')
	);
}

export function createMailHandler(
	options: MailHandlerOptions
): (request: Request) => Promise<Response> {
	const createTransport = options.createTransport ?? nodemailer.createTransport;
	const maxBody = options.maxBodyBytes ?? 512 * 1024;
	const rememberMs = options.rememberMs ?? 24 * 3_600_000;
	const now = options.now ?? Date.now;
	// Emails sent lately, by idempotency key and recipient. SMTP has no idempotency of its own: an
	// answer lost on the way back (or a tab closed after the send) makes the outbox send again,
	// and the buyer would get the email twice (found by the soak). A retry gets the first answer.
	const sent = new Map<string, { messageId: string; at: number }>();
	const forget = () => {
		for (const [key, entry] of sent) {
			if (entry.at > now() - rememberMs && sent.size <= MAX_REMEMBERED) break;
			sent.delete(key);
		}
	};
	return async (request) => {
		if (request.method !== 'POST') return json(405, { ok: false, message: 'Only POST.' });
		const origin = request.headers.get('origin');
		if (origin !== null && !options.appOrigins.includes(origin))
			return json(403, { ok: false, message: 'Not from this app.' });
		if (request.headers.get('x-dropship-desk') !== '1')
			return json(403, { ok: false, message: 'Not from this app.' });
		const text = await request.text();
		if (text.length > maxBody) return json(413, { ok: false, message: 'The email is too large.' });
		let body: unknown;
		try {
			body = JSON.parse(text);
		} catch {
			return json(400, { ok: false, message: 'The request is not JSON.' });
		}
		const parsed = MailRequest.safeParse(body);
		if (!parsed.success)
			return json(400, {
				ok: false,
				message: `The email is not valid: ${parsed.error.issues[0]?.path.join('.')}`
			});
		const { smtp, message } = parsed.data;
		if (!options.allowPrivateHosts && isPrivateHost(smtp.host)) {
			return json(403, { ok: false, message: 'That mail server address is not allowed.' });
		}
		forget();
		const key = `${message.idempotencyKey}\n${message.to.toLowerCase()}`;
		const earlier = sent.get(key);
		if (earlier) return json(200, { ok: true, messageId: earlier.messageId });
		const transport = createTransport({
			host: smtp.host,
			port: smtp.port,
			secure: smtp.tlsMode === 'tls',
			requireTLS: smtp.tlsMode === 'starttls',
			ignoreTLS: smtp.tlsMode === 'none',
			...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
			connectionTimeout: 15_000,
			greetingTimeout: 10_000,
			socketTimeout: 20_000
		});
		try {
			const info = await transport.sendMail({
				from: smtp.from,
				to: message.to,
				replyTo: message.replyTo ?? smtp.replyTo,
				subject: message.subject,
				text: message.text,
				html: message.html,
				headers: { 'X-Dropship-Desk-Id': message.idempotencyKey }
			});
			sent.set(key, { messageId: info.messageId, at: now() });
			return json(200, { ok: true, messageId: info.messageId });
		} catch (cause) {
			// The server's own words help the dealer ("535 Authentication failed"); never the password.
			const reason = cause instanceof Error ? cause.message : String(cause);
			return json(502, {
				ok: false,
				message: smtp.password ? reason.split(smtp.password).join('***') : reason,
				...(isHardBounce(cause) ? { isHardBounce: true } : {})
			});
		} finally {
			transport.close();
		}
	};
}

/**
 * A permanent (5xx) refusal of the recipient itself, at RCPT TO: the address does not exist or
 * will never take mail from us (reliability.md §6, MAIL-5). A 5xx elsewhere (535 at AUTH, 554 for
 * the content) says nothing about the buyer's address, and a 4xx is worth retrying.
 */
export function isHardBounce(cause: unknown): boolean {
	const { responseCode, command, code } = (cause ?? {}) as {
		responseCode?: unknown;
		command?: unknown;
		code?: unknown;
	};
	return (
		typeof responseCode === 'number' &&
		responseCode >= 500 &&
		responseCode < 600 &&
		(command === 'RCPT TO' || code === 'EENVELOPE')
	);
}
