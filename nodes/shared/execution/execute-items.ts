import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { fieldErrorToNodeError } from './errors';
import { RequestLimiter, useLimiter, type RequestBudget } from '../http/request-limiter';
import { FieldError } from '../description/field-validation';

export interface ItemOperation<Prepared> {
	/** Reads and checks the item's parameters; throws FieldError/NodeOperationError. Sends nothing. */
	prepare(itemIndex: number): Promise<Prepared> | Prepared;
	/** Sends the prepared request and returns the output json. */
	send(prepared: Prepared, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/**
	 * Looks at the whole prepared batch before anything is sent (e.g. two items asking for the
	 * same money move) and returns an error for each item that must not be sent.
	 */
	review?(prepared: Array<{ itemIndex: number; value: Prepared }>): Promise<Map<number, unknown>>;
	/** Runs after the last item, sent or not (e.g. to forget journal entries of unsent moves). */
	finish?(): Promise<void>;
}

type ItemError = NodeOperationError | NodeApiError;

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): ItemError {
	if (error instanceof FieldError)
		return fieldErrorToNodeError(context.getNode(), error, itemIndex);
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function errorItem(error: ItemError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

export interface ExecuteOptions {
	/** How many items are sent at once (1 = one after the other). */
	parallelRequests?: number;
	/** A request budget the provider documents, shared by every request of this run. */
	budget?: RequestBudget;
	/** Send one request alone before the others (a credential fetching its first token). */
	firstRequestAlone?: boolean;
}

/**
 * Runs an operation over every input item in two passes: first every item is checked, then the
 * requests are sent, up to `parallelRequests` items at once, the output in input order. A bad row
 * in a batch therefore stops the node before any money moves; with Continue On Fail the bad item
 * becomes an error item and the others go on. Without it, the first failure stops new items from
 * starting; the ones already in flight finish (their keys make a re-run replay them).
 */
export async function executeItems<Prepared>(
	context: IExecuteFunctions,
	operation: ItemOperation<Prepared>,
	options: ExecuteOptions = {},
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const prepared: Array<{ ok: true; value: Prepared } | { ok: false; error: ItemError }> = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push({ ok: true, value: await operation.prepare(itemIndex) });
		} catch (error) {
			const nodeError = asNodeError(context, error, itemIndex);
			if (!continueOnFail) throw nodeError;
			prepared.push({ ok: false, error: nodeError });
		}
	}

	if (operation.review) {
		const ready = prepared.flatMap((entry, itemIndex) =>
			entry.ok ? [{ itemIndex, value: entry.value }] : [],
		);
		for (const [itemIndex, error] of await operation.review(ready)) {
			const nodeError = asNodeError(context, error, itemIndex);
			if (!continueOnFail) {
				await operation.finish?.();
				throw nodeError;
			}
			prepared[itemIndex] = { ok: false, error: nodeError };
		}
	}

	const parallel = Math.max(1, Math.floor(options.parallelRequests ?? 1));
	useLimiter(
		context,
		new RequestLimiter(parallel, options.budget, undefined, undefined, options.firstRequestAlone),
	);
	try {
		return await sendAll(context, operation, prepared, continueOnFail, parallel);
	} finally {
		await operation.finish?.();
	}
}

async function sendAll<Prepared>(
	context: IExecuteFunctions,
	operation: ItemOperation<Prepared>,
	prepared: Array<{ ok: true; value: Prepared } | { ok: false; error: ItemError }>,
	continueOnFail: boolean,
	parallel: number,
): Promise<INodeExecutionData[]> {
	const outputs: INodeExecutionData[][] = new Array(prepared.length);
	let next = 0;
	let failure: { itemIndex: number; error: ItemError } | undefined;

	const sendOne = async (itemIndex: number) => {
		const entry = prepared[itemIndex];
		if (!entry.ok) {
			outputs[itemIndex] = [errorItem(entry.error, itemIndex)];
			return;
		}
		try {
			const result = await operation.send(entry.value, itemIndex);
			outputs[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) => ({
				json,
				pairedItem: { item: itemIndex },
			}));
		} catch (error) {
			const nodeError = asNodeError(context, error, itemIndex);
			if (!continueOnFail) {
				// The earliest failing item is the one reported, as when items go one by one.
				if (!failure || itemIndex < failure.itemIndex) failure = { itemIndex, error: nodeError };
				return;
			}
			outputs[itemIndex] = [errorItem(nodeError, itemIndex)];
		}
	};
	const worker = async () => {
		while (!failure && next < prepared.length) await sendOne(next++);
	};
	await Promise.all(Array.from({ length: Math.min(parallel, prepared.length) }, worker));
	if (failure) throw failure.error;
	return outputs.flat();
}
