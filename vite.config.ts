import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { proxyPlugin } from './src/lib/proxy/vite-plugin.ts';

export default defineConfig({
	// The proxy plugin first: its middleware guards every answer before SvelteKit's serves files.
	plugins: [proxyPlugin(), sveltekit()],
	worker: { format: 'es' },
	// No blanket CORS from Vite: the proxy answers CORS for the app's own origin only.
	server: { port: 5173, cors: false },
	preview: { port: 4173, strictPort: true, cors: false },

	test: {
		// Vitest keeps a core for its main process by default: one test process on a 2-core machine.
		// The main process is nearly idle in a run, so every core runs tests (unit + component on
		// this machine: 314 s → 209 s). The e2e project runs one file at a time whatever this says.
		maxWorkers: availableParallelism(),
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					setupFiles: ['src/test-support/setup/unit.ts']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts'],
					setupFiles: ['src/test-support/setup/component.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/**/*.e2e.ts'],
					globalSetup: ['tests/support/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
					// One browser, one preview server: specs run one file at a time.
					fileParallelism: false,
					// A real browser on a loaded 2-core machine: one retry absorbs a timing hiccup; a real
					// failure fails twice.
					retry: 1
				}
			}
		]
	}
});
