/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Once per e2e run: check the installed n8n (scripts/n8n.sh) and pack the built package once.
import { packPackage } from './lib/pack';
import { ensureRuntime } from './lib/runtime';

export default async function globalSetup(): Promise<void> {
	ensureRuntime({ chromium: true });
	process.env.PAYMENTS_PACK_E2E_PACK = JSON.stringify(packPackage());
}
