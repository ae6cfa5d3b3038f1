import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readPathId } from './common.fields';
import { listFields, readListQuery, type ListFieldOptions } from './list.fields';
import type { MementoMethod, MementoOperation, MementoRequest, MementoResource } from './types';

/** Shows fields only for one resource + operation. */
export function forOperation(
	resource: MementoResource,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		properties,
	);
}

export interface AddressedSpec {
	resource: MementoResource;
	operation: string;
	method: MementoMethod;
	/** Path parameters in order (e.g. request UUID, participant UUID). */
	ids: INodeProperties[];
	path(ids: string[]): string;
	/** Fields besides the ids. */
	fields?: INodeProperties[];
	/** Builds the JSON body (and may throw FieldError before anything is sent). */
	readBody?(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined;
	withoutSession?: boolean;
}

/**
 * The shape most operations share: address an object by its UUID(s), optionally send a body.
 * Get, delete, close, block, remind, receipts... differ only in method, path and body.
 */
export function addressedOperation(spec: AddressedSpec): MementoOperation {
	return {
		description: forOperation(spec.resource, spec.operation, [...spec.ids, ...(spec.fields ?? [])]),
		prepare(itemIndex) {
			const ids = spec.ids.map((field) => readPathId(this, field, itemIndex));
			const request: MementoRequest = { method: spec.method, path: spec.path(ids) };
			const body = spec.readBody?.call(this, itemIndex);
			if (body !== undefined) request.body = body;
			if (spec.withoutSession) request.withoutSession = true;
			return request;
		},
	};
}

export interface GetManySpec extends ListFieldOptions {
	resource: MementoResource;
	operation?: string;
	/** Path parameters (e.g. the pool of a participant list). */
	ids?: INodeProperties[];
	path: string | ((ids: string[]) => string);
	/** Fields shown before the list fields (e.g. Since). */
	fields?: INodeProperties[];
	readQuery?(this: IExecuteFunctions, itemIndex: number): Record<string, string>;
}

/** A list: Return All / Limit walking page/limit, structured filter and sort. */
export function getManyOperation(spec: GetManySpec): MementoOperation {
	const ids = spec.ids ?? [];
	return {
		description: forOperation(spec.resource, spec.operation ?? 'getMany', [
			...ids,
			...(spec.fields ?? []),
			...listFields(spec),
		]),
		prepare(itemIndex) {
			const values = ids.map((field) => readPathId(this, field, itemIndex));
			const { qs, list } = readListQuery(this, itemIndex);
			const extra = spec.readQuery?.call(this, itemIndex) ?? {};
			return {
				method: 'GET',
				path: typeof spec.path === 'string' ? spec.path : spec.path(values),
				qs: { ...extra, ...qs },
				list,
			};
		},
	};
}

/** GET /v1/<resource>/{uuid}. */
export function getByIdOperation(
	resource: MementoResource,
	basePath: string,
	idField: INodeProperties,
): MementoOperation {
	return addressedOperation({
		resource,
		operation: 'get',
		method: 'GET',
		ids: [idField],
		path: ([id]) => `${basePath}/${id}`,
	});
}

/** DELETE /v1/<resource>/{uuid}. */
export function deleteByIdOperation(
	resource: MementoResource,
	basePath: string,
	idField: INodeProperties,
): MementoOperation {
	return addressedOperation({
		resource,
		operation: 'delete',
		method: 'DELETE',
		ids: [idField],
		path: ([id]) => `${basePath}/${id}`,
	});
}
