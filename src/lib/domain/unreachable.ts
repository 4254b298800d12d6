import { z } from 'zod';

/**
 * Why the server side could not reach a host at all, as opposed to the host answering with an
 * error of its own. The proxy and /mail name one of these (header `x-proxy-reason`, or `reason`
 * in /mail's JSON) so the dealer is sent to the right people: a DNS or guard problem is ours or
 * the network's, a 502 in the distributor's own words is theirs.
 */
export const UnreachableReason = z.enum(['dns', 'refused', 'timeout', 'tls', 'guard', 'network']);
export type UnreachableReason = z.infer<typeof UnreachableReason>;

const WORDS: Record<UnreachableReason, string> = {
	dns: 'its address could not be found (DNS)',
	refused: 'the connection was refused',
	timeout: 'the connection timed out',
	tls: 'the secure connection (TLS) failed',
	guard: 'its address is a private or local network address, which this server does not call',
	network: 'the connection failed'
};

/** The reason in the dealer's words, to follow "could not reach X: ". */
export function describeUnreachable(reason: UnreachableReason): string {
	return WORDS[reason];
}

/** "Could not reach Western Power Sports: the connection was refused." */
export function couldNotReach(name: string, reason: UnreachableReason): string {
	return `Could not reach ${name}: ${describeUnreachable(reason)}.`;
}
