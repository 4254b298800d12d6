/**
 * The failures a dealer or a test can switch on per simulated distributor (issue 3 §2). They live
 * in the domain so the Data settings page can list them; the simulator re-exports them.
 */
export const FAULTS = [
	'bad_credentials',
	'account_not_set_up',
	'unknown_sku',
	'out_of_stock',
	'invalid_address',
	'duplicate_po',
	'rate_limited',
	'server_error',
	'slow',
	'dropped_connection',
	'lost_response',
	'malformed_body'
] as const;
export type Fault = (typeof FAULTS)[number];

export const FAULT_LABELS: Record<Fault, string> = {
	bad_credentials: 'Credentials refused',
	account_not_set_up: 'Account not set up (tax ID / card / drop-ship)',
	unknown_sku: 'Every SKU unknown',
	out_of_stock: 'Everything out of stock',
	invalid_address: 'Ship-to address refused',
	duplicate_po: 'PO number already used',
	rate_limited: 'Rate limited (429)',
	server_error: 'Server error (500/503)',
	slow: 'Slow responses',
	dropped_connection: 'Connection dropped',
	lost_response: 'Order created, answer lost',
	malformed_body: 'Malformed response body'
};
