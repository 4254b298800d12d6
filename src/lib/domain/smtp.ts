import { z } from 'zod';
// With its extension: vite.config.ts loads this module too (through /mail).
import { UnreachableReason } from './unreachable.ts';

/** How the dealer's mail server is reached. */
export const SmtpSettings = z.object({
	host: z
		.string()
		.trim()
		.min(1, 'is required')
		.regex(/^[a-zA-Z0-9.-]+$/, 'must be a host name like smtp.example.com'),
	port: z.number().int().min(1).max(65535),
	/** tls: TLS from the start (port 465); starttls: upgrade after connecting (587); none: tests only. */
	tlsMode: z.enum(['tls', 'starttls', 'none']),
	user: z.string().trim().optional(),
	password: z.string().optional(),
	from: z.email('is not an email address'),
	replyTo: z.email('is not an email address').optional()
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;

export const MailMessage = z.object({
	to: z.email(),
	replyTo: z.email().optional(),
	subject: z.string().min(1).max(300),
	text: z.string(),
	html: z.string(),
	/** Our outbox id: a retry of the same email carries the same key. */
	idempotencyKey: z.string().min(1)
});
export type MailMessage = z.infer<typeof MailMessage>;

/** What the worker posts to the proxy side's /mail endpoint. */
export const MailRequest = z.object({ smtp: SmtpSettings, message: MailMessage });
export type MailRequest = z.infer<typeof MailRequest>;

export const MailResponse = z.union([
	z.object({ ok: z.literal(true), messageId: z.string() }),
	z.object({
		ok: z.literal(false),
		message: z.string(),
		/** The server refused the recipient permanently (5xx at RCPT TO): do not mail it again. */
		isHardBounce: z.boolean().optional(),
		/** The mail server was never reached; `message` already says so in full. */
		reason: UnreachableReason.optional()
	})
]);
