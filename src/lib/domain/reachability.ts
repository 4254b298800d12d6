/**
 * The BroadcastChannel on which the worker says "a request of mine could not reach the network".
 * `navigator.onLine` is true on a shop network with no internet (and on some Chromium builds under
 * offline emulation after a reload), so the page does not take it at its word: a failed request
 * makes every tab look again (state/reachability.ts).
 */
export const REACHABILITY_CHANNEL = 'dropship-desk:reachability';

export const REQUEST_FAILED = 'request-failed';
