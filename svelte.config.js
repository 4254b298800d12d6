import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * app.html's inline scripts (the worker's early start), allowed by their hashes: computed here
 * from the file as it is, so an edit or a reformat cannot leave the policy out of date.
 */
const inlineScriptHashes = [
	...readFileSync(new URL('./src/app.html', import.meta.url), 'utf8').matchAll(
		/<script>([\s\S]*?)<\/script>/g
	)
].map(([, body]) => `sha256-${createHash('sha256').update(body).digest('base64')}`);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route falls back to one shell; the data lives in IndexedDB.
		adapter: adapter({ fallback: 'index.html' }),
		// The page registers the service worker itself, to offer "a new version is ready".
		serviceWorker: { register: false },
		// Test kits, fixtures and fakes live apart; ESLint forbids production code importing them.
		alias: { '$test-support': 'src/test-support', '$test-support/*': 'src/test-support/*' },

		// No inline script or style runs unless its hash is listed; the app talks only to its own
		// origin (the proxy and /mail live there too).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', ...inlineScriptHashes],
				// SvelteKit's route announcer carries one fixed style attribute (sveltejs/kit#11993);
				// that exact attribute is allowed by its hash, nothing else inline.
				'style-src': [
					'self',
					'unsafe-hashes',
					'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='
				],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
