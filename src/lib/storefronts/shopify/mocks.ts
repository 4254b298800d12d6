import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { Simulator } from '$lib/simulator/simulator';
import {
	catchUpArrivals,
	countCall,
	remainingQuantity,
	storeState,
	type SimStore
} from '../sim-store';
import { LINES_PER_ORDER, SHOPIFY_API_VERSION } from './constants';
import { cursorOf, fulfillmentStatus, gid, idOf, isAfter, orderNode, sinceOf } from './sim-wire';

export interface ShopifySimOptions {
	/** New web orders per simulated day; 0 (tests) means only the orders a test adds. */
	arrivalsPerDay?: number;
	/** The cost bucket [S1]: a Standard plan's 2,000 points restoring 100 a second by default. */
	bucket?: { maximumAvailable: number; restoreRate: number };
	/** Real milliseconds for the bucket's refill; tests pass their fake clock. */
	clockMs?: () => number;
}

const DEFAULT_BUCKET = { maximumAvailable: 2000, restoreRate: 100 };

/** Obviously fake tokens only: the simulator never accepts a real-looking one. */
export const isDemoShopifyToken = (token: string) => /^(shpat_demo|demo-)/.test(token);

interface Call {
	operation: string;
	variables: Record<string, unknown>;
}

function run(sim: Simulator, store: SimStore, call: Call): { data: unknown; actualCost: number } {
	const { variables } = call;
	switch (call.operation) {
		case 'ShopName':
			return { data: { shop: { name: 'Ridge Line Powersports' } }, actualCost: 1 };
		case 'OrdersToShip': {
			const since = new Date(sinceOf(variables.query)).toISOString();
			const first = Math.min(250, Number(variables.first ?? 50));
			const matching = store.orders
				.filter((o) => o.updatedAt > since)
				.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.n - b.n)
				.filter((o) => isAfter(o, variables.after as string | null));
			const page = matching.slice(0, first);
			const last = page[page.length - 1];
			return {
				data: {
					orders: {
						nodes: page.map(orderNode),
						pageInfo: {
							hasNextPage: matching.length > first,
							endCursor: last ? cursorOf(last) : null
						}
					}
				},
				actualCost: 2 + page.reduce((sum, o) => sum + 4 + 3 * o.lines.length, 0)
			};
		}
		case 'FulfillmentOrdersForOrder': {
			const order = store.orders.find((o) => o.n === idOf(variables.id));
			if (!order) return { data: { order: null }, actualCost: 1 };
			return {
				data: {
					order: {
						id: gid('Order', order.n),
						fulfillments: order.fulfillments.map((f) => ({
							id: gid('Fulfillment', f.n),
							trackingInfo: f.numbers.map((number) => ({ number }))
						})),
						fulfillmentOrders: {
							nodes: [
								{
									id: gid('FulfillmentOrder', order.n),
									status:
										order.cancelledAt !== null
											? 'CLOSED'
											: fulfillmentStatus(order) === 'FULFILLED'
												? 'CLOSED'
												: 'OPEN',
									lineItems: {
										nodes: order.lines.map((line) => ({
											id: gid('FulfillmentOrderLineItem', line.n),
											remainingQuantity: remainingQuantity(order, line),
											lineItem: { id: gid('LineItem', line.n), sku: line.sku }
										}))
									}
								}
							]
						}
					}
				},
				actualCost: 8
			};
		}
		case 'FulfillmentCreate':
			return { data: { fulfillmentCreate: fulfil(sim, store, variables) }, actualCost: 10 };
		default:
			throw new Error(`The Shopify simulator does not know ${call.operation}`);
	}
}

interface FulfillmentInput {
	lineItemsByFulfillmentOrder: {
		fulfillmentOrderId: string;
		fulfillmentOrderLineItems: { id: string; quantity: number }[];
	}[];
	trackingInfo?: { company?: string; numbers?: string[]; urls?: string[] };
	notifyCustomer?: boolean;
}

function fulfil(sim: Simulator, store: SimStore, variables: Record<string, unknown>) {
	const input = variables.fulfillment as FulfillmentInput;
	const refuse = (message: string) => ({
		fulfillment: null,
		userErrors: [{ field: ['fulfillment'], message }]
	});
	const group = input.lineItemsByFulfillmentOrder[0];
	const order = store.orders.find((o) => o.n === idOf(group?.fulfillmentOrderId));
	if (!order || !group) return refuse('Fulfillment order does not exist.');
	if (order.cancelledAt) return refuse('Fulfillment order is closed.');
	const lines = [];
	for (const item of group.fulfillmentOrderLineItems) {
		const line = order.lines.find((l) => l.n === idOf(item.id));
		if (!line || item.quantity > remainingQuantity(order, line)) {
			return refuse('Invalid fulfillment order line item quantity requested.');
		}
		lines.push({ lineN: line.n, quantity: item.quantity });
	}
	store.sequence += 1;
	const now = sim.now().toISOString();
	const fulfillment = {
		n: store.sequence,
		company: input.trackingInfo?.company ?? '',
		numbers: input.trackingInfo?.numbers ?? [],
		urls: input.trackingInfo?.urls ?? [],
		notifyCustomer: input.notifyCustomer ?? false,
		lines,
		createdAt: now
	};
	order.fulfillments.push(fulfillment);
	order.updatedAt = now;
	if (fulfillment.notifyCustomer) {
		store.buyerEmails.push({ orderNumber: order.number, kind: 'shipping confirmation' });
	}
	sim.changed();
	return {
		fulfillment: { id: gid('Fulfillment', fulfillment.n), status: 'SUCCESS' },
		userErrors: []
	};
}

/** The requested cost of a call, as the adapter's own estimate counts it. */
function requestedCost(call: Call): number {
	if (call.operation !== 'OrdersToShip') return 10;
	return 2 + Number(call.variables.first ?? 50) * (4 + 3 * LINES_PER_ORDER);
}

/**
 * The simulated Shopify Admin GraphQL API on every `*.myshopify.com` shop: the pinned version's
 * endpoint only, the access token header, named operations, the cost bucket with THROTTLED
 * answers (HTTP 200) [S1], and orders arriving on the simulator's clock. Faults live in the
 * store state (sim-store.ts): refusals after N calls, lost answers to writes.
 */
export function shopifyHandlers(sim: Simulator, options: ShopifySimOptions = {}): RequestHandler[] {
	const bucketSize = options.bucket ?? DEFAULT_BUCKET;
	const clock = options.clockMs ?? Date.now;
	return [
		http.post(
			'https://:shop.myshopify.com/admin/api/:version/graphql.json',
			async ({ request, params }) => {
				if (sim.latencyMs > 0) await delay(sim.latencyMs);
				if (params.version !== SHOPIFY_API_VERSION) {
					return HttpResponse.json({ errors: 'Not Found' }, { status: 404 });
				}
				const token = request.headers.get('x-shopify-access-token') ?? '';
				if (!isDemoShopifyToken(token)) {
					return HttpResponse.json(
						{
							errors: '[API] Invalid API key or access token (unrecognized login or wrong password)'
						},
						{ status: 401 }
					);
				}
				const body = (await request.json()) as {
					query?: string;
					variables?: Record<string, unknown>;
				};
				const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '';
				const call = { operation, variables: body.variables ?? {} };
				const store = storeState(sim, 'shopify');
				catchUpArrivals(sim, 'shopify', options.arrivalsPerDay ?? 0);
				const now = clock();
				const previous = store.bucket ?? { available: bucketSize.maximumAvailable, at: now };
				const available = Math.min(
					bucketSize.maximumAvailable,
					previous.available + ((now - previous.at) / 1000) * bucketSize.restoreRate
				);
				const requested = requestedCost(call);
				const status = (left: number) => ({
					maximumAvailable: bucketSize.maximumAvailable,
					currentlyAvailable: Math.floor(left),
					restoreRate: bucketSize.restoreRate
				});
				if (countCall(store) || available < requested) {
					store.bucket = { available, at: now };
					return HttpResponse.json({
						errors: [
							{
								message: 'Throttled',
								extensions: {
									code: 'THROTTLED',
									documentation: 'https://shopify.dev/api/usage/rate-limits'
								}
							}
						],
						extensions: {
							cost: {
								requestedQueryCost: requested,
								actualQueryCost: null,
								throttleStatus: status(available)
							}
						}
					});
				}
				const { data, actualCost } = run(sim, store, call);
				store.bucket = { available: available - actualCost, at: now };
				if (operation === 'FulfillmentCreate' && store.faults.dropWriteAnswers)
					return HttpResponse.error();
				return HttpResponse.json({
					data,
					extensions: {
						cost: {
							requestedQueryCost: requested,
							actualQueryCost: actualCost,
							throttleStatus: status(available - actualCost)
						}
					}
				});
			}
		)
	];
}
