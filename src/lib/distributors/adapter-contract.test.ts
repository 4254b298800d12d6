import { describe } from 'vitest';
import {
	describeAdapterContract,
	type SeenCall
} from '$test-support/distributors/adapter-contract';
import * as automatic from '$test-support/distributors/automatic-kit';
import * as pu from '$test-support/distributors/pu-kit';
import * as tucker from '$test-support/distributors/tucker-kit';
import * as wps from '$test-support/distributors/wps-kit';

/**
 * The same contract against all four adapters, each on its own simulator in turn. What differs is
 * data: the words of each refusal, the Retry-After, the bulk form's calls.
 */
const posts = (calls: SeenCall[]) => calls.filter((c) => c.method === 'POST').length;
const pathAndQuery = (c: SeenCall) => `${c.url.pathname}?${c.url.searchParams}`;
const asked = (poNumber: string) => ({ poNumber, refs: [], placedAt: '' });

/** The transport faults read the same at every distributor but for the status it sends. */
const transport = (status: number) =>
	({
		rate_limited: { code: 'rate_limited', message: /slow down/ },
		server_error: { code: 'transient', message: new RegExp(`error ${status}`) },
		slow: { code: 'transient', message: /did not answer in time/ },
		dropped_connection: { code: 'transient', message: /connection failed/ },
		lost_response: { code: 'transient', message: /connection failed/ },
		invalid_address: { code: 'invalid_address', message: /ship-to address/ },
		duplicate_po: { code: 'duplicate_po', message: /already holds/ }
	}) as const;

describe('WPS', () =>
	describeAdapterContract(() => {
		const kit = wps.useWpsSimulator();
		return {
			id: 'wps',
			sim: kit.sim,
			adapter: () => kit.adapter(),
			bare: () => kit.adapter(''),
			realLooking: () => kit.adapter('WPS-REAL-LOOKING'),
			secret: wps.TOKEN,
			audit: kit.audit,
			requests: kit.requests,
			orderSends: (calls) => calls.filter((c) => pathAndQuery(c) === '/orders?').length,
			request: wps.request,
			sku: '2-R0451B-8',
			faults: {
				...transport(500),
				bad_credentials: { code: 'auth', message: /refused the API token/ },
				account_not_set_up: { code: 'account_prerequisite', message: /tax ID is on file/ },
				unknown_sku: { code: 'unknown_sku', message: /2-R0451B-8: unknown part/ },
				out_of_stock: { code: 'out_of_stock', message: /not enough in stock/ },
				malformed_body: { code: 'protocol', message: /does not understand/, call: 'stock' }
			},
			fields: { invalid_address: 'shipTo.postalCode' },
			ownWords: {
				fault: 'account_not_set_up',
				detail:
					'Order cannot be processed: the account has no Tax ID / tax exemption on file. Contact WPS.'
			},
			retryAfterMs: 60_000,
			canBackorder: true,
			canFindByPo: true,
			blindResend: 'second_order',
			bulk: {
				count: 3,
				call: pathAndQuery,
				calls: ['/orders?from_date=20250302&to_date=20250307'],
				unknown: asked('PO-404'),
				askSingly: [],
				keepsAnsweredOnRateLimit: true,
				canListByDate: true
			}
		};
	}));

describe('Parts Unlimited', () =>
	describeAdapterContract(() => {
		const kit = pu.usePuSimulator();
		return {
			id: 'pu',
			sim: kit.sim,
			adapter: () => kit.adapter(),
			bare: () => kit.adapter('', ''),
			realLooking: () => kit.adapter('ABCDEFG-1234567-ABCDEFG-1234567'),
			secret: pu.KEY,
			audit: kit.audit,
			requests: kit.requests,
			orderSends: posts,
			request: pu.request,
			sku: '1401-1193',
			faults: {
				...transport(503),
				bad_credentials: { code: 'auth', message: /refused the API key for dealer 12345/ },
				account_not_set_up: {
					code: 'not_enabled',
					message: /not enabled drop-ship for dealer 12345/
				},
				unknown_sku: { code: 'unknown_sku', message: /1401-1193 NOT FOUND/ },
				out_of_stock: { code: 'out_of_stock', message: /in stock/ },
				malformed_body: { code: 'protocol', message: /does not understand/ }
			},
			fields: { invalid_address: 'shipTo' },
			ownWords: {
				fault: 'account_not_set_up',
				detail: 'Dealer 12345 is not set up for drop ship orders.'
			},
			retryAfterMs: 5_000,
			canBackorder: true,
			canFindByPo: true,
			bulk: {
				count: 30,
				call: pathAndQuery,
				calls: ['1', '2'].map(
					(page) =>
						`/api/v2/orders/dropship?order_date_start=2025-03-02&order_date_end=2025-03-07&ship_date_start=2025-03-02&ship_date_end=2025-03-07&page_num=${page}`
				),
				unknown: asked('PO-404'),
				askSingly: [],
				keepsAnsweredOnRateLimit: false,
				canListByDate: true
			}
		};
	}));

describe('Tucker Rocky', () =>
	describeAdapterContract(() => {
		const kit = tucker.useTuckerSimulator();
		return {
			id: 'tucker',
			sim: kit.sim,
			adapter: () => kit.adapter(),
			bare: () => kit.adapter('', ''),
			realLooking: () => kit.adapter('ABCDEFGHIJKLMNOPQRSTUVWXYZ12'),
			secret: tucker.KEY,
			audit: kit.audit,
			requests: kit.requests,
			// One GET with type=ORD places the order; any other ORD would be a probe or a resend.
			orderSends: (calls) => calls.filter((c) => c.url.searchParams.get('type') === 'ORD').length,
			request: tucker.request,
			sku: '160942',
			faults: {
				...transport(503),
				bad_credentials: {
					code: 'auth',
					message: /Tucker Rocky refused the API key for customer 123456/
				},
				account_not_set_up: {
					code: 'account_prerequisite',
					message: /credit card on file for customer 123456/
				},
				unknown_sku: { code: 'unknown_sku', message: /does not know the items/ },
				out_of_stock: { code: 'out_of_stock', message: /available/ },
				malformed_body: { code: 'protocol', message: /does not understand/ }
			},
			fields: { invalid_address: 'shipTo' },
			ownWords: {
				fault: 'account_not_set_up',
				detail: 'No credit card on file for customer 123456'
			},
			retryAfterMs: 30_000,
			canBackorder: false,
			canFindByPo: false,
			blindResend: 'refused',
			bulk: {
				count: 60,
				call: (c) =>
					`${c.url.searchParams.get('type')}×${c.url.searchParams.getAll('ordernum').length}`,
				calls: ['SHP×50', 'SHP×10'],
				unknown: { poNumber: 'PO-X', refs: ['7999999'], placedAt: '' },
				askSingly: [asked('NO-REF')],
				keepsAnsweredOnRateLimit: true,
				canListByDate: false
			}
		};
	}));

describe('Automatic', () =>
	describeAdapterContract(() => {
		const kit = automatic.useAutomaticSimulator();
		return {
			id: 'automatic',
			sim: kit.sim,
			adapter: () => kit.adapter(),
			bare: () => kit.adapter(''),
			realLooking: () => kit.adapter('live-token-123'),
			secret: automatic.TOKEN,
			audit: kit.audit,
			requests: kit.requests,
			orderSends: posts,
			request: automatic.request,
			sku: 'A1000001',
			faults: {
				...transport(500),
				bad_credentials: { code: 'auth', message: /Automatic Distributors refused the API token/ },
				account_not_set_up: { code: 'account_prerequisite', message: /Custserv@autodist.com/ },
				unknown_sku: { code: 'unknown_sku', message: /does not know an item/ },
				out_of_stock: { code: 'out_of_stock', message: /in stock/ },
				malformed_body: { code: 'protocol', message: /does not understand/ }
			},
			fields: { invalid_address: 'shipTo', duplicate_po: 'poNumber' },
			ownWords: {
				fault: 'duplicate_po',
				detail: 'An order already exists for PO number PO-4001.'
			},
			retryAfterMs: 10_000,
			canBackorder: true,
			canFindByPo: true,
			bulk: {
				count: 12,
				call: pathAndQuery,
				calls: ['/v2/order/range?startDate=2025-03-02&endDate=2025-03-07'],
				unknown: asked('PO-404'),
				askSingly: [],
				keepsAnsweredOnRateLimit: true,
				canListByDate: true
			}
		};
	}));
