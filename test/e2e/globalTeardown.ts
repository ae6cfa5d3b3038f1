/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { disposePack, type PackInfo } from './lib/pack';

export default async function globalTeardown(): Promise<void> {
	const packed = process.env.PAYMENTS_PACK_E2E_PACK;
	if (packed) disposePack(JSON.parse(packed) as PackInfo);
}
