/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The n8n user folder globalSetup made for this run (instance settings, binary data): remove it.
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
	const folder = process.env.N8N_USER_FOLDER;
	if (folder?.includes('payments-pack-jest-')) rmSync(folder, { recursive: true, force: true });
}
