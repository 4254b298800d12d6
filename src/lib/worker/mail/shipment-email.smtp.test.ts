import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ShipmentInfo } from '$lib/distributors/types';
import { createMailHandler } from '$lib/mail/mail-handler';
import {
	decodedBody,
	startTestSmtpServer,
	type ReceivedMail,
	type TestSmtpServer
} from '$test-support/mail/smtp-test-server';
import { createApi } from '../api';
import type { ApiDeps } from '../core/deps';
import { placePuOrder } from '$test-support/worker/dealer-fixture';
import { FakeDistributor } from '$test-support/worker/fake-distributor';
import { createMailTransport } from './transport';
import { createTestDeps } from '$test-support/worker/test-deps';

/**
 * The whole email path in one piece: a distributor reports a shipment → the worker's tracking
 * refresh stores it and queues the buyer email → the worker's mail transport posts it to the
 * proxy side's /mail endpoint → nodemailer hands it to a real SMTP server on localhost. What the
 * server receives is what the buyer would get.
 */

const APP = 'http://localhost:4173';
let smtp: TestSmtpServer;
let received: ReceivedMail[];

beforeAll(async () => {
	smtp = await startTestSmtpServer();
});

afterAll(() => smtp.close());

// A fresh endpoint per test (it remembers the keys it sent, and each test's ids start again). The
// operator's configuration allows the local test server's address and port, as a dealer's server
// config would allow an SMTP server inside their own network.
let mailEndpoint: ReturnType<typeof createMailHandler>;
// The page's fetch, as far as the worker's mail transport can tell: it reaches /mail on the app,
// and the browser adds the app's Origin as it does to every POST.
const toEndpoint: typeof fetch = async (input, init) => {
	const request = new Request(input instanceof Request ? input : String(input), init);
	request.headers.set('origin', APP);
	return mailEndpoint(request);
};

let fake: FakeDistributor;
let deps: ApiDeps;
let api: ReturnType<typeof createApi>;
let poNumber: string;

const shipment = (ref: string, tracking: string, sku: string): ShipmentInfo => ({
	distributorRef: ref,
	carrier: 'UPS',
	trackingNumbers: [tracking],
	lines: [{ sku, quantity: 1 }]
});

function reportShipments(status: 'partially_shipped' | 'shipped', shipments: ShipmentInfo[]) {
	fake.statuses.set(poNumber, { poNumber, status, distributorRefs: ['PU-1'], shipments });
}

const body = decodedBody;

beforeEach(async () => {
	mailEndpoint = createMailHandler({
		appOrigins: [APP],
		outbound: { allowHosts: ['127.0.0.1'] },
		ports: [smtp.port]
	});
	smtp.received.length = 0;
	smtp.rejectWith = null;
	received = smtp.received;
	fake = new FakeDistributor();
	deps = createTestDeps({
		adapters: (id) => fake.adapter(id),
		mail: createMailTransport(APP, toEndpoint)
	});
	api = createApi(deps);
	await deps.db.settings.put({
		key: 'app',
		value: {
			mode: 'live',
			dealer: {
				name: 'Ridge Line Powersports',
				poPrefix: 'RL',
				replyTo: 'parts@ridgeline.example'
			},
			isAutoEmailOn: true
		}
	});
	await deps.db.distributors.put({
		id: 'pu',
		isEnabled: true,
		credentials: { dealerNumber: '1', apiKey: 'KEY' },
		prerequisitesDone: [],
		updatedAt: deps.now().toISOString()
	});
	const saved = await api.mail.saveSmtp({
		host: '127.0.0.1',
		port: smtp.port,
		tlsMode: 'none',
		from: 'orders@ridgeline.example'
	});
	if (!saved.ok) throw new Error(saved.error.message);
	poNumber = await placePuOrder(api, '3001', 3);
});

describe('a shipment reaches the buyer through a real SMTP server', () => {
	it('sends exactly one email per shipment, with recipient, subject, items and tracking link', async () => {
		reportShipments('partially_shipped', [shipment('S1', '1Z999AA10123456784', '1000')]);
		const first = await api.tracking.refresh({});
		expect(first).toMatchObject({ ok: true, value: { newShipments: 1, emailsSent: 1 } });
		expect(received).toHaveLength(1);
		const mail = received[0]!;
		expect(mail.to).toEqual(['heather@example.com']);
		expect(mail.raw).toMatch(/^Subject: Your order 3001 is on the way/m);
		expect(mail.raw).toMatch(/^Reply-To: parts@ridgeline\.example/m);
		expect(body(mail)).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
		expect(body(mail)).toContain('Some of your items from order 3001 are on the way');
		expect(body(mail)).toContain('1 × Part 1');
		expect(body(mail)).not.toContain('Part 2');
		const outbox = await deps.db.outbox.toArray();
		expect(outbox).toHaveLength(1);
		// The id the SMTP server's transaction carried is the one the outbox keeps.
		expect(mail.raw).toContain(outbox[0]!.messageId!);

		// The distributor says the same again (another tab, a reload): nothing goes out twice.
		await api.tracking.refresh({});
		await api.mail.sendQueued({});
		expect(received).toHaveLength(1);

		// A second shipment of the same PO: a second email, still partial (one item is to come).
		reportShipments('partially_shipped', [
			shipment('S1', '1Z999AA10123456784', '1000'),
			shipment('S2', '1Z999AA10123456795', '1001')
		]);
		await api.tracking.refresh({});
		expect(received).toHaveLength(2);
		expect(body(received[1]!)).toContain('Some of your items from order 3001 are on the way');
		expect(body(received[1]!)).toContain('1Z999AA10123456795');
		expect(body(received[1]!)).toContain('1 × Part 2');
	});

	it('keeps an email the SMTP server refused and sends it once on a later retry', async () => {
		smtp.rejectWith = '451 Mailbox busy, try later';
		reportShipments('shipped', [
			shipment('S1', '1Z999AA10123456784', '1000'),
			shipment('S2', '1Z999AA10123456795', '1001'),
			shipment('S3', '1Z999AA10123456806', '1002')
		]);
		const refused = await api.tracking.refresh({});
		expect(refused).toMatchObject({ ok: true, value: { newShipments: 3, emailsSent: 0 } });
		expect(received).toHaveLength(0);
		const waiting = await deps.db.outbox.toArray();
		expect(waiting.map((e) => e.state)).toEqual(['retrying', 'retrying', 'retrying']);
		expect(waiting[0]!.lastError).toMatch(/451/);

		smtp.rejectWith = null;
		await api.mail.sendQueued({});
		await api.mail.sendQueued({});
		await api.tracking.refresh({});
		expect(received).toHaveLength(3);
		expect(new Set(received.map((m) => m.raw.match(/1Z999AA\d+/)![0])).size).toBe(3);
		expect((await deps.db.outbox.toArray()).every((e) => e.state === 'sent')).toBe(true);
		// The shipment that completed the order says so.
		expect(received.some((m) => body(m).includes('Your order 3001 is on the way.'))).toBe(true);
	});
});
