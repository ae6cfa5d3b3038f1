/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// n8n-core writes its instance settings (with a random encryption key) under N8N_USER_FOLDER:
// keep that out of the developer's home folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup(): void {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'payments-pack-jest-'));
	process.env.N8N_LOG_LEVEL = 'silent';
}
