// Shared complete / cancel handling for transactions and partner transactions.
import { ConductorError } from '../errors';
import type { Execute, RouteDef, RouteRequest } from '../router';
import type { ConductorState, Lifecycle } from '../state';
import {
	bodyObject,
	onlyFields,
	optionalString,
	parseMetaData,
	parsePaymentMethod,
} from '../validation';

type Find = (id: string) => Lifecycle | undefined;

/**
 * A record as a response body. No copy is needed for later changes not to leak into saved
 * responses: runEndpoint (pipeline.ts) serializes the envelope to the JSON string that is sent
 * and saved in the same synchronous step as execute(), before any other request can change the
 * record. (A structuredClone here was a large part of the sandbox's time per request.)
 */
export function view(record: object): unknown {
	return record;
}

function found(find: Find, id: string): Lifecycle {
	const record = find(id);
	if (!record) throw new ConductorError('NOT_FOUND');
	return record;
}

export function getRecord(find: Find, request: RouteRequest): Execute {
	return () => ({
		status: 200,
		detail: 'Transaction retrieved',
		data: view(found(find, request.params.id)),
	});
}

/**
 * Body { payment_method?, meta_data? }: the document's Complete schema does not mark
 * payment_method required (a transaction created with one may already carry it).
 */
export function completeRecord(state: ConductorState, find: Find, request: RouteRequest): Execute {
	const body = bodyObject(request.body);
	onlyFields(body, ['payment_method', 'meta_data']);
	const paymentMethod = parsePaymentMethod(body.payment_method, false);
	const metaData = parseMetaData(body.meta_data);
	return () => {
		const record = found(find, request.params.id);
		state.complete(record, paymentMethod, metaData);
		return { status: 200, detail: 'Transaction completed', data: view(record) };
	};
}

/** Body { reason?, meta_data? }; an empty body is fine. */
export function cancelRecord(state: ConductorState, find: Find, request: RouteRequest): Execute {
	const body = bodyObject(request.body);
	onlyFields(body, ['reason', 'meta_data']);
	const reason = optionalString(body, 'reason');
	const metaData = parseMetaData(body.meta_data);
	return () => {
		const record = found(find, request.params.id);
		state.cancel(record, reason, metaData);
		return { status: 200, detail: 'Transaction cancelled', data: view(record) };
	};
}

/** GET, complete and cancel of one kind of transaction, addressed under `base` by `finderOf`. */
export function lifecycleRoutes(
	base: string,
	finderOf: (state: ConductorState) => Find,
): RouteDef[] {
	return [
		{
			method: 'GET',
			pattern: `${base}/:id`,
			prepare: (request, state) => getRecord(finderOf(state), request),
		},
		{
			method: 'POST',
			pattern: `${base}/:id/complete`,
			prepare: (request, state) => completeRecord(state, finderOf(state), request),
		},
		{
			method: 'POST',
			pattern: `${base}/:id/cancel`,
			prepare: (request, state) => cancelRecord(state, finderOf(state), request),
		},
	];
}
