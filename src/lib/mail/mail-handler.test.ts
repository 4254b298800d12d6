import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailHandler } from './mail-handler';

/** A real SMTP server on localhost: what it receives is what a buyer would get. */
interface Received {
	from: string;
	to: string[];
	raw: string;
}

let server: SMTPServer;
let port: number;
const received: Received[] = [];
let isRejecting = false;

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onAuth(auth, _session, callback) {
			if (auth.username === 'dealer' && auth.password === 'CANARY-PASSWORD')
				callback(null, { user: 'dealer' });
			else callback(new Error('535 Authentication failed'));
		},
		// A mailbox that does not exist: the permanent refusal a hard bounce is made of.
		onRcptTo(address, _session, callback) {
			if (address.address.startsWith('gone@'))
				callback(Object.assign(new Error('550 5.1.1 No such user here'), { responseCode: 550 }));
			else callback();
		},
		onData(stream, session, callback) {
			let raw = '';
			stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
			stream.on('end', () => {
				if (isRejecting) {
					callback(Object.assign(new Error('451 Temporary local problem'), { responseCode: 451 }));
					return;
				}
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const handler = createMailHandler({
	appOrigins: ['http://localhost:4173'],
	allowPrivateHosts: true
});

function post(
	body: unknown,
	headers: Record<string, string> = { 'x-dropship-desk': '1', origin: 'http://localhost:4173' }
) {
	return handler(
		new Request('http://localhost:4173/mail', {
			method: 'POST',
			headers,
			body: JSON.stringify(body)
		})
	);
}

const smtp = () => ({
	host: '127.0.0.1',
	port,
	tlsMode: 'none',
	user: 'dealer',
	password: 'CANARY-PASSWORD',
	from: 'parts@ridgeline.example'
});
const message = {
	to: 'cody@example.com',
	replyTo: 'parts@ridgeline.example',
	subject: 'Your order 1042 is on the way',
	text: 'Track it: https://www.ups.com/track?tracknum=1Z999AA10123456784',
	html: '<p>Track it</p>',
	idempotencyKey: 'email-1'
};

describe('the /mail endpoint against a real SMTP server', () => {
	it('delivers one email with recipient, subject, body and tracking link, and returns the message id', async () => {
		const before = received.length;
		const response = await post({ smtp: smtp(), message });
		const body = await response.json();
		expect(response.status).toBe(200);
		expect(body).toMatchObject({ ok: true, messageId: expect.stringMatching(/^<.+>$/) });
		expect(received.length - before).toBe(1);
		const mail = received.at(-1)!;
		expect(mail.to).toEqual(['cody@example.com']);
		expect(mail.from).toBe('parts@ridgeline.example');
		expect(mail.raw).toContain('Subject: Your order 1042 is on the way');
		expect(mail.raw).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
		expect(mail.raw).toContain(body.messageId);
	});

	it("answers with the server's error when it refuses, and never echoes the password", async () => {
		const response = await post({ smtp: { ...smtp(), password: 'wrong-CANARY' }, message });
		expect(response.status).toBe(502);
		const body = await response.json();
		expect(body.ok).toBe(false);
		expect(body.message).toMatch(/535|auth/i);
		expect(body.isHardBounce).toBeUndefined();
		expect(JSON.stringify(body)).not.toContain('wrong-CANARY');
	});

	it('marks a permanent 5xx refusal of the recipient as a hard bounce (MAIL-5)', async () => {
		const before = received.length;
		const response = await post({ smtp: smtp(), message: { ...message, to: 'gone@example.com' } });
		expect(response.status).toBe(502);
		const body = await response.json();
		expect(body).toMatchObject({ ok: false, isHardBounce: true });
		expect(body.message).toMatch(/550/);
		expect(received.length).toBe(before);
	});

	it('reports a temporary refusal so the outbox can retry', async () => {
		isRejecting = true;
		try {
			const response = await post({ smtp: smtp(), message });
			expect(response.status).toBe(502);
			const body = await response.json();
			expect(body.message).toMatch(/451/);
			expect(body.isHardBounce).toBeUndefined();
		} finally {
			isRejecting = false;
		}
	});

	it('is no open relay: other origins, missing header, GET and private hosts are refused', async () => {
		expect(
			(
				await post(
					{ smtp: smtp(), message },
					{ 'x-dropship-desk': '1', origin: 'https://evil.example' }
				)
			).status
		).toBe(403);
		expect(
			(await post({ smtp: smtp(), message }, { origin: 'http://localhost:4173' })).status
		).toBe(403);
		expect((await handler(new Request('http://localhost:4173/mail'))).status).toBe(405);
		const strict = createMailHandler({ appOrigins: ['http://localhost:4173'] });
		const response = await strict(
			new Request('http://localhost:4173/mail', {
				method: 'POST',
				headers: { 'x-dropship-desk': '1' },
				body: JSON.stringify({ smtp: smtp(), message })
			})
		);
		expect(response.status).toBe(403);
		expect(
			(await post({ smtp: smtp(), message: { ...message, to: 'not an address' } })).status
		).toBe(400);
	});
});
