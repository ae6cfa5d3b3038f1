import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { fieldErrorToNodeError } from './errors';
import { FieldError } from './validation';

export interface ItemOperation<Prepared> {
	/** Reads and checks the item's parameters; throws FieldError/NodeOperationError. Sends nothing. */
	prepare(itemIndex: number): Promise<Prepared> | Prepared;
	/** Sends the prepared request and returns the output json. */
	send(prepared: Prepared, itemIndex: number): Promise<IDataObject | IDataObject[]>;
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

/**
 * Runs an operation over every input item in two passes: first every item is checked, then the
 * requests are sent in order. A bad row in a batch therefore stops the node before any money
 * moves; with Continue On Fail the bad item becomes an error item and the others go on.
 */
export async function executeItems<Prepared>(
	context: IExecuteFunctions,
	operation: ItemOperation<Prepared>,
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

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const entry = prepared[itemIndex];
		if (!entry.ok) {
			output.push(errorItem(entry.error, itemIndex));
			continue;
		}
		try {
			const result = await operation.send(entry.value, itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError = asNodeError(context, error, itemIndex);
			if (!continueOnFail) throw nodeError;
			output.push(errorItem(nodeError, itemIndex));
		}
	}
	return output;
}
