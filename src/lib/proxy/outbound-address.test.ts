import { describe, expect, it } from 'vitest';
import { parseHost, refusedRange } from './outbound-address.ts';

describe('parseHost: every spelling of an address is read as that address', () => {
	it.each([
		['127.0.0.1', '127.0.0.1'],
		['127.1', '127.0.0.1'],
		['127.0.1', '127.0.0.1'],
		['2130706433', '127.0.0.1'],
		['0x7f000001', '127.0.0.1'],
		['0X7F000001', '127.0.0.1'],
		['0x7f.1', '127.0.0.1'],
		['0177.0.0.1', '127.0.0.1'],
		['0177.1', '127.0.0.1'],
		['017700000001', '127.0.0.1'],
		['127.0.0.1.', '127.0.0.1'],
		['0', '0.0.0.0'],
		['0.0.0.0', '0.0.0.0'],
		['10.1', '10.0.0.1'],
		['167772161', '10.0.0.1'],
		['0xa9fea9fe', '169.254.169.254'],
		['::1', '::1'],
		['[::1]', '::1'],
		['0:0:0:0:0:0:0:1', '::1'],
		['::', '::'],
		['::ffff:127.0.0.1', '::ffff:7f00:1'],
		['[::FFFF:7F00:1]', '::ffff:7f00:1'],
		['[0:0:0:0:0:ffff:127.0.0.1]', '::ffff:7f00:1'],
		['FE80::1', 'fe80::1'],
		['2606:4700:4700::1111', '2606:4700:4700::1111']
	])('%s is the address %s', (spelling, address) => {
		expect(parseHost(spelling)).toMatchObject({ kind: 'ip', address });
	});

	it.each([
		['SMTP.Example.COM.', 'smtp.example.com'],
		['localhost', 'localhost'],
		['LOCALHOST', 'localhost'],
		['mail_relay.shop.lan', 'mail_relay.shop.lan']
	])('%s is the name %s', (spelling, name) => {
		expect(parseHost(spelling)).toEqual({ kind: 'name', name });
	});

	it.each([
		'',
		'.',
		'127.0.0.1..',
		'1.2.3.4.5',
		'256.1.1.1',
		'0x7g',
		'4294967296',
		'099.0.0.1',
		'a..b',
		'evil.example/x',
		'user@evil.example',
		'127.0.0.1 x',
		'[::1',
		'::1::2',
		'-bad.example'
	])('%j is neither an address nor a name, so it is refused', (spelling) => {
		expect(parseHost(spelling)).toBeNull();
	});
});

describe('refusedRange: only public addresses may be called', () => {
	it.each([
		['0.0.0.0', 'unspecified'],
		['0.1.2.3', 'unspecified'],
		['10.20.30.40', 'private'],
		['100.64.0.1', 'carrier-grade NAT'],
		['100.127.255.254', 'carrier-grade NAT'],
		['127.0.0.1', 'loopback'],
		['127.255.255.254', 'loopback'],
		['169.254.169.254', 'link-local'],
		['172.16.0.1', 'private'],
		['172.31.255.255', 'private'],
		['192.168.1.1', 'private'],
		['192.0.0.8', 'IETF protocol assignments'],
		['198.18.0.1', 'benchmarking'],
		['224.0.0.251', 'multicast'],
		['239.255.255.250', 'multicast'],
		['255.255.255.255', 'reserved'],
		['127.1', 'loopback'],
		['::', 'unspecified'],
		['::1', 'loopback'],
		['::ffff:127.0.0.1', 'IPv4-mapped'],
		['::ffff:8.8.8.8', 'IPv4-mapped'],
		['::127.0.0.1', 'IPv4-compatible'],
		['fc00::1', 'unique-local'],
		['fd12:3456:789a::1', 'unique-local'],
		['fe80::1%eth0', 'link-local'],
		['febf::1', 'link-local'],
		['ff02::1', 'multicast'],
		['64:ff9b::7f00:1', 'loopback'],
		['64:ff9b::a00:1', 'private'],
		['64:ff9b:1::1', 'local NAT64'],
		['2002:7f00:1::', 'loopback'],
		['2002:c0a8:101::1', 'private'],
		['2001:0:4136:e378::1', 'Teredo'],
		['[::1]', 'not an address'],
		['localhost', 'not an address']
	])('%s is refused as %s', (address, range) => {
		expect(refusedRange(address)).toBe(range);
	});

	it.each([
		'8.8.8.8',
		'93.184.216.34',
		'100.63.255.255',
		'100.128.0.0',
		'172.15.255.255',
		'172.32.0.0',
		'192.169.0.1',
		'223.255.255.255',
		'2606:4700:4700::1111',
		'2a00:1450:4001:81c::200e',
		'64:ff9b::808:808',
		'2002:808:808::1'
	])('%s is public', (address) => {
		expect(refusedRange(address)).toBeNull();
	});
});
