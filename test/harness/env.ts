/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Runs in every jest worker before the tests: n8n-core reads these at import time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.env.N8N_USER_FOLDER?.includes('payments-pack-jest')) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'payments-pack-jest-'));
}
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
