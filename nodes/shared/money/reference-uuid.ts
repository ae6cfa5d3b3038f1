import { createHash } from 'crypto';

import { deriveIdempotencyKey, type IdempotencyScope } from './idempotency';

/**
 * A UUID computed from a name: the same name always gives the same UUID. It has the version-4
 * layout (version nibble 4, RFC 4122 variant) because providers such as MTN MoMo insist on v4
 * reference ids; its 122 other bits come from SHA-256 of the name instead of a random source.
 */
export function uuidFromName(name: string): string {
	const bytes = createHash('sha256').update(name, 'utf8').digest().subarray(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The UUID counterpart of deriveIdempotencyKey: the same item of the same node in the same
 * execution gets the same reference id, so a retry finds the first request instead of making
 * a second one. For providers whose deduplication key must be a UUID.
 */
export function deriveReferenceUuid(scope: IdempotencyScope): string {
	return uuidFromName(deriveIdempotencyKey(scope, 'uuid'));
}
