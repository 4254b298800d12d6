import { z } from 'zod';

export const EmailState = z.enum(['queued', 'sending', 'sent', 'failed', 'retrying']);
export type EmailState = z.infer<typeof EmailState>;

export const OutboxEmail = z.object({
	id: z.string(),
	/** order id + tracking number: one email per shipment, across reloads and tabs. */
	dedupeKey: z.string(),
	orderId: z.string(),
	poId: z.string().optional(),
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
