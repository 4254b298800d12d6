// A single-page app: everything renders in the browser from IndexedDB; nothing is prerendered.
export const ssr = false;
export const prerender = false;
