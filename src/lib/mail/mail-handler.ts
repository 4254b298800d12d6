import nodemailer from 'nodemailer';
import { z } from 'zod';
// Relative: this module is also loaded by vite.config.ts, where $lib does not resolve.
import { MailMessage, SmtpSettings } from '../domain/smtp.ts';
import { couldNotReach } from '../domain/unreachable.ts';
import { OutboundError, type OutboundPolicy } from '../proxy/outbound.ts';
import { outboundSmtpSocket } from '../proxy/outbound-smtp.ts';
import { createRateLimiter, type RateLimit } from '../proxy/rate-limit.ts';
import { DEFAULT_MAIL_PORTS } from '../proxy/server-config.ts';

/**
 * The proxy side's /mail endpoint: takes one email and the dealer's SMTP settings from the app,
 * sends it with nodemailer, and answers with the server's message id or its error. It runs beside
 * the CORS proxy (Node only), never in the browser.
 *
 * It is not a relay for anyone who asks: only POST with our custom header and the app's own
 * Origin (browsers and the worker always send one), a per-client rate limit, one recipient, a
 * capped body, an SMTP port from the list, a sender the operator allows, and the SMTP server
 * reached through the outbound guard: resolved, checked and pinned (outbound.ts).
 */
export interface MailHandlerOptions {
	/** The app's own origins (localhost and 127.0.0.1 forms of one server). */
	appOrigins: readonly string[];
	/** The server's outbound policy (server-config.ts); tests allow their local SMTP server here. */
	outbound: OutboundPolicy;
	/** SMTP ports allowed; 25, 465, 587 and 2525 by default. */
	ports?: readonly number[];
	/** The only senders (addresses or "@domain"); empty: the dealer's from address as sent. */
	allowedFrom?: readonly string[];
	/** Per client key; 120 a minute by default, like the proxy. */
	rateLimit?: RateLimit;
	/** Over all clients together. */
	globalRateLimit?: RateLimit;
	clientKey?: (request: Request, info: MailRequestInfo) => string;
	now?: () => number;
	/** Injected in tests; nodemailer's SMTP transport by default. */
	createTransport?: typeof nodemailer.createTransport;
	maxBodyBytes?: number;
	/** How long an email's idempotency key is remembered (a day, like Resend's window). */
	rememberMs?: number;
}

export interface MailRequestInfo {
	clientAddress?: string;
}

/** Keys remembered at most; the oldest go first. */
const MAX_REMEMBERED = 10_000;

/** Strict: a request cannot name its own sender, envelope or headers; only these fields go on. */
const MailRequestStrict = z.strictObject({
	smtp: SmtpSettings.strict(),
	message: MailMessage.strict()
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { ...headers, 'content-type': 'application/json' }
	});

function isAllowedSender(from: string, allowed: readonly string[]): boolean {
	const address = from.toLowerCase();
	return (
		allowed.length === 0 ||
		allowed.some((a) =>
			a.startsWith('@') ? address.endsWith(a.toLowerCase()) : address === a.toLowerCase()
		)
	);
}

export function createMailHandler(
	options: MailHandlerOptions
): (request: Request, info?: MailRequestInfo) => Promise<Response> {
	const createTransport = options.createTransport ?? nodemailer.createTransport;
	const maxBody = options.maxBodyBytes ?? 512 * 1024;
	const ports = options.ports ?? DEFAULT_MAIL_PORTS;
	const now = options.now ?? Date.now;
	const perClient = createRateLimiter(options.rateLimit ?? { limit: 120, windowMs: 60_000 });
	const global = createRateLimiter(options.globalRateLimit ?? { limit: 600, windowMs: 60_000 });
	const clientKey = options.clientKey ?? ((_r, info) => info.clientAddress ?? 'local');
	const rememberMs = options.rememberMs ?? 24 * 3_600_000;
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
	return async (request, info = {}) => {
		const wait = Math.max(perClient.take(clientKey(request, info), now()), global.take('*', now()));
		if (wait > 0)
			return json(
				429,
				{ ok: false, message: 'Too many emails at once.' },
				{ 'retry-after': String(wait) }
			);
		if (request.method !== 'POST') return json(405, { ok: false, message: 'Only POST.' });
		const origin = request.headers.get('origin');
		if (origin === null || !options.appOrigins.includes(origin))
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
		const parsed = MailRequestStrict.safeParse(body);
		if (!parsed.success)
			return json(400, {
				ok: false,
				message: `The email is not valid: ${parsed.error.issues[0]?.path.join('.')}`
			});
		const { smtp, message } = parsed.data;
		if (!ports.includes(smtp.port))
			return json(403, {
				ok: false,
				message: `Mail server port ${smtp.port} is not allowed; use ${ports.join(', ')}.`
			});
		if (!isAllowedSender(smtp.from, options.allowedFrom ?? []))
			return json(403, { ok: false, message: `This server does not send as ${smtp.from}.` });
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
			// The socket comes from the guard, connected to the checked address; nodemailer never
			// resolves the host itself.
			getSocket: outboundSmtpSocket(options.outbound, ports),
			...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
			connectionTimeout: 15_000,
			greetingTimeout: 10_000,
			socketTimeout: 20_000
		});
		try {
			const info = await transport.sendMail({
				from: smtp.from,
				// The envelope is ours too: the sender is the dealer's from address, one recipient.
				envelope: { from: smtp.from, to: [message.to] },
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
			if (cause instanceof OutboundError)
				return json(cause.reason === 'guard' ? 403 : 502, {
					ok: false,
					message: couldNotReach(`the mail server ${smtp.host}`, cause.reason),
					reason: cause.reason
				});
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
