/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Once per queue-mode run: n8n (scripts/n8n.sh), Redis and PostgreSQL (scripts/queue-deps.sh)
// installed when missing, and the built package packed once.
import { packPackage } from '../e2e/lib/pack';
import { ensureRuntime } from '../e2e/lib/runtime';
import { ensureQueueDependencies } from '../e2e/lib/services';

export default async function globalSetup(): Promise<void> {
	ensureRuntime();
	ensureQueueDependencies();
	process.env.PAYMENTS_PACK_E2E_PACK = JSON.stringify(packPackage());
}
