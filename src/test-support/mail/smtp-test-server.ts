import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server took it: what a buyer's mail server would receive. */
export interface ReceivedMail {
	from: string;
	to: string[];
	raw: string;
}

export interface TestSmtpServer {
	port: number;
	received: ReceivedMail[];
	/** While set, every message is refused with this temporary (4xx) reply. */
	rejectWith: string | null;
	close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 and a free port, for tests (never shipped): plain SMTP, any
 * sender, any recipient but `gone@…` (refused 550, a hard bounce), and, when `login` is given,
 * that user and password only.
 */
export async function startTestSmtpServer(login?: {
	user: string;
	password: string;
}): Promise<TestSmtpServer> {
	const state: TestSmtpServer = {
		port: 0,
		received: [],
		rejectWith: null,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onAuth(auth, _session, callback) {
			if (login && auth.username === login.user && auth.password === login.password)
				callback(null, { user: login.user });
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
				if (state.rejectWith) {
					callback(Object.assign(new Error(state.rejectWith), { responseCode: 451 }));
					return;
				}
				state.received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	state.port = (server.server.address() as AddressInfo).port;
	return state;
}

/** The body of a received message with quoted-printable undone (soft breaks, =XX bytes). */
export function decodedBody(mail: ReceivedMail): string {
	return Buffer.from(
		mail.raw
			.replace(/=\r?\n/g, '')
			.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
		'latin1'
	).toString('utf8');
}
