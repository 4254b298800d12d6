import { z } from 'zod';

/** `suppressed`: not sent, because the address bounced permanently before (see Suppression). */
export const EmailState = z.enum(['queued', 'sending', 'sent', 'failed', 'retrying', 'suppressed']);
export type EmailState = z.infer<typeof EmailState>;

export const OutboxEmail = z.object({
	id: z.string(),
	/** order id + tracking number: one email per shipment, across reloads and tabs. */
	dedupeKey: z.string(),
	orderId: z.string(),
	poId: z.string().optional(),
	/** The shipment's first tracking number and the carrier as the distributor named it. */
	trackingNumber: z.string().optional(),
	carrier: z.string().optional(),
	to: z.string(),
	replyTo: z.string().optional(),
	subject: z.string(),
	text: z.string(),
	html: z.string(),
	state: EmailState,
	attempts: z.number().int().nonnegative(),
	messageId: z.string().optional(),
	lastError: z.string().optional(),
	createdAt: z.iso.datetime(),
	sentAt: z.iso.datetime().optional()
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;

/**
 * An address a mail server refused permanently (a hard bounce). Nothing is sent to it again: later
 * emails to it are kept as `suppressed`, with the reason, until the dealer lifts it.
 */
export const Suppression = z.object({
	/** Trimmed and lower-cased (normalizeAddress). */
	address: z.string(),
	at: z.iso.datetime(),
	/** The mail server's own words. */
	reason: z.string(),
	emailId: z.string().optional()
});
export type Suppression = z.infer<typeof Suppression>;

export const normalizeAddress = (address: string): string => address.trim().toLowerCase();
