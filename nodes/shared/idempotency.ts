import { createHash } from 'crypto';

export interface IdempotencyScope {
	/** The workflow execution; a re-run of the same item in it gets the same key. */
	executionId: string;
	workflowId: string | undefined;
	nodeId: string;
	/**
	 * Which run of the node in this execution: a node inside Loop Over Items runs once per batch,
	 * and every batch starts again at item 0. n8n's Retry On Fail re-runs the same run index.
	 */
	runIndex: number;
	itemIndex: number;
	/** `resource:operation`, so two operations on one item never share a key. */
	operation: string;
}

/**
 * The default Idempotency-Key: the same for the same item of the same node in the same execution,
 * so n8n's Retry On Fail and the transport's own retries replay the first answer instead of paying
 * twice. A fresh execution (a new run of the workflow) gets new keys.
 */
export function deriveIdempotencyKey(scope: IdempotencyScope, prefix = 'n8n'): string {
	const material = [
		scope.workflowId ?? '',
		scope.executionId,
		scope.nodeId,
		scope.operation,
		String(scope.runIndex),
		String(scope.itemIndex),
	].join('\u001f');
	return `${prefix}-${createHash('sha256').update(material).digest('hex').slice(0, 48)}`;
}

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
