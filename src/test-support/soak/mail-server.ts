import type nodemailer from 'nodemailer';
import { createMailHandler } from '$lib/mail/mail-handler';

/**
 * The buyer's side of email in the soak: the real /mail endpoint (`createMailHandler`) in front of
 * a fake SMTP server that records every message it accepts. The server can refuse for a while
 * (4xx), refuse a bouncing address for good (550 at RCPT TO), and — the nasty one — take the
 * message and lose the answer on the way back.
 */
export interface Delivery {
	to: string;
	key: string;
	at: number;
}

export type MailFault = 'none' | 'refuse' | 'lost_answer';

export class SoakMailServer {
	readonly deliveries: Delivery[] = [];
	/** Every message handed to the server, taken or not. */
	readonly attempts: Delivery[] = [];
	/** Addresses the server refuses permanently. */
	readonly bouncing = new Set<string>();
	fault: MailFault = 'none';
	private readonly handler: (request: Request) => Promise<Response>;

	constructor(private readonly now: () => number) {
		const createTransport = (() => ({
			sendMail: async (mail: { to: string; headers: Record<string, string> }) => {
				const key = mail.headers['X-Dropship-Desk-Id'] ?? '';
				this.attempts.push({ to: mail.to.toLowerCase(), key, at: this.now() });
				if (this.bouncing.has(mail.to.toLowerCase())) {
					throw Object.assign(new Error('550 5.1.1 No such user'), {
						responseCode: 550,
						command: 'RCPT TO'
					});
				}
				if (this.fault === 'refuse') {
					throw Object.assign(new Error('451 4.3.0 Try again later'), { responseCode: 451 });
				}
				this.deliveries.push({ to: mail.to.toLowerCase(), key, at: this.now() });
				return { messageId: `<${key}@smtp.soak>` };
			},
			close: () => undefined
		})) as unknown as typeof nodemailer.createTransport;
		// The fake transport never opens a socket, so the outbound guard's hook is never called; a
		// soak sends far more mail than a dealer, so the per-client limit is lifted.
		this.handler = createMailHandler({
			appOrigins: ['http://127.0.0.1:4173'],
			outbound: { allowHosts: [] },
			rateLimit: { limit: 1_000_000, windowMs: 60_000 },
			globalRateLimit: { limit: 1_000_000, windowMs: 60_000 },
			createTransport
		});
	}

	/** The fetch the worker's mail transport posts through; `lost_answer` drops the reply. */
	readonly fetch: typeof fetch = async (input, init) => {
		const request = new Request(input, init);
		// The browser adds the app's Origin to every POST.
		request.headers.set('origin', 'http://127.0.0.1:4173');
		const response = await this.handler(request);
		if (this.fault === 'lost_answer') throw new TypeError('Failed to fetch');
		return response;
	};
}
