import { ensureExplorerBundle } from './bundle.js';

/** `npm run build:web`: builds web/dist now (npm start does it too, when missing or stale). */
const { built, ms, manifest } = await ensureExplorerBundle();
const total = Object.values(manifest.files).reduce((a, b) => a + b, 0);
console.log(`${built ? `built in ${ms} ms` : 'up to date'}: ${JSON.stringify(manifest.files)} (${total} bytes)`);
