import { defineResource as defineAnyResource, type OperationEntry } from '../../shared/resource';
import type { ConductorOperation, ConductorResource } from './types';

/** A Conductor resource: the shared definition, typed to Conductor's resources and operations. */
export function defineResource(
	resource: ConductorResource,
	operations: Array<OperationEntry<ConductorOperation>>,
	defaultOperation: string,
) {
	return defineAnyResource<ConductorOperation>(resource, operations, defaultOperation);
}
