import type { Socket } from 'node:net';
import { connectOutbound, type OutboundPolicy } from './outbound.ts';

/**
 * nodemailer's `getSocket` hook, through the outbound guard: nodemailer gets a TCP socket already
 * connected to the checked address and does its own TLS on it (implicit for port 465, STARTTLS
 * otherwise) with the host name it was given for SNI and the certificate, so it never looks the
 * host up again. A refusal or failure reaches `sendMail` as an OutboundError.
 *
 *   nodemailer.createTransport({ host, port, secure, getSocket: outboundSmtpSocket(policy, ports) })
 */
export function outboundSmtpSocket(
	policy: OutboundPolicy,
	ports?: readonly number[]
): (
	options: { host?: string; port?: number; secure?: boolean },
	callback: (error: Error | null, socketOptions: { connection: Socket } | false) => void
) => void {
	return (options, callback) => {
		const port = options.port ?? (options.secure ? 465 : 587);
		connectOutbound({ host: options.host ?? '', port, policy, ...(ports ? { ports } : {}) }).then(
			(connection) => callback(null, { connection }),
			(error: Error) => callback(error, false)
		);
	};
}
