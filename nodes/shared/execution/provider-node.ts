import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { readParallelRequests } from './batching';
import { withParameterCache } from './parameter-cache';
import { deriveReferenceUuid } from '../money/reference-uuid';
import { executeItems, type ItemOperation } from './execute-items';
import {
	canonicalJson,
	deriveIdempotencyKey,
	idempotencyScopes,
	type IdempotencyScope,
} from '../money/idempotency';
import { withGuardsWhenMovingMoney, type MoneyMoveSpec } from '../money/guard-money-moves';
import type { RequestBudget } from '../http/request-limiter';

/**
 * One operation of any provider: its fields, how it turns an item into a fully checked request
 * (sending nothing), and, when it moves money, what the provider needs to guard it. `MoneyMove`
 * is that provider's own description of a move (`true` where one provider-wide rule fits all).
 */
export interface ProviderOperation<Prepared, ItemContext, MoneyMove = true> {
	description: INodeProperties[];
	prepare(
		this: IExecuteFunctions,
		itemIndex: number,
		item: ItemContext,
	): Prepared | Promise<Prepared>;
	/** Present on operations that move money: Validate Only, spending limits, lookups. */
	moneyMove?: MoneyMove;
}

/** Resource → operation → implementation, as the node's Resource and Operation parameters say. */
export type ProviderResources<Operation> = Record<
	string,
	{ operations: Record<string, Operation> }
>;

/**
 * The identity of an item's payment instruction (see `idempotencyScopes`), from which default
 * keys, references and order ids are derived: the same instruction always gives the same value.
 */
export interface ItemIdentity {
	/** An idempotency key: of the instruction, or of `content` (an order's own fields). */
	key(content?: IDataObject): string;
	/** The same as a version-4-shaped UUID, for providers whose references are UUIDs. */
	uuid(content?: IDataObject): string;
}

/** What a provider's action node configures; the executor does the rest the same for all. */
export interface ProviderNode<Session, Prepared, ItemContext, MoneyMove = true> {
	resources: ProviderResources<ProviderOperation<Prepared, ItemContext, MoneyMove>>;
	/** Items sent at once unless Batching > Parallel Requests says otherwise. */
	defaultParallelRequests: number;
	/** A request budget the provider documents, kept across the whole batch. */
	budget?: RequestBudget;
	/** Send one request alone first (a token n8n's OAuth2 layer fetches per request in flight). */
	firstRequestAlone?: boolean;
	/** A business reference the provider makes unique: when set, it is the item's instruction. */
	referenceParameter?: string;
	/** Reads the credential once per run; sends nothing and fetches no token. */
	openSession(context: IExecuteFunctions): Promise<Session>;
	/** What the operation's prepare gets besides the item: defaults from the session, keys. */
	itemContext(session: Session, identity: ItemIdentity): ItemContext;
	/** Sends one prepared item and returns its output. */
	send(
		context: IExecuteFunctions,
		session: Session,
		prepared: Prepared,
		itemIndex: number,
		operation: ProviderOperation<Prepared, ItemContext, MoneyMove>,
	): Promise<IDataObject | IDataObject[]>;
	/** How this provider guards a money move: amounts, key, Validate Only output, lookup. */
	guardMoneyMove(
		context: IExecuteFunctions,
		session: Session,
		moneyMove: MoneyMove,
	): MoneyMoveSpec<Prepared>;
}

export interface SelectedOperation<Operation> {
	resource: string;
	operationName: string;
	operation: Operation;
}

/** The implementation the node's Resource and Operation parameters point at. */
export function selectOperation<Operation>(
	context: IExecuteFunctions,
	resources: Record<string, { operations: Record<string, Operation> }>,
): SelectedOperation<Operation> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operationName = context.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operationName}" is not known for the resource "${resource}"`,
		);
	}
	return { resource, operationName, operation };
}

function identityOf(scopeOf: () => IdempotencyScope, base: IdempotencyScope): ItemIdentity {
	const of = (content?: IDataObject) =>
		content === undefined ? scopeOf() : { ...base, instruction: `order:${canonicalJson(content)}` };
	return {
		key: (content) => deriveIdempotencyKey(of(content)),
		uuid: (content) => deriveReferenceUuid(of(content)),
	};
}

/**
 * Runs the node's selected operation over every input item: every item prepared and checked
 * first, money moves guarded, then sent up to Parallel Requests at once, output in input order.
 */
export async function executeProviderNode<Session, Prepared, ItemContext, MoneyMove>(
	nodeContext: IExecuteFunctions,
	provider: ProviderNode<Session, Prepared, ItemContext, MoneyMove>,
): Promise<INodeExecutionData[][]> {
	const context = withParameterCache(nodeContext);
	const { resource, operationName, operation } = selectOperation(context, provider.resources);
	const operationId = `${resource}:${operationName}`;
	const scopeOf = idempotencyScopes(context, operationId, provider.referenceParameter);
	const base: IdempotencyScope = {
		workflowId: context.getWorkflow().id,
		nodeId: context.getNode().id,
		operation: operationId,
		instruction: '',
	};
	const session = await provider.openSession(context);

	const plain: ItemOperation<Prepared> = {
		prepare: async (itemIndex) =>
			await operation.prepare.call(
				context,
				itemIndex,
				provider.itemContext(
					session,
					identityOf(() => scopeOf(itemIndex), base),
				),
			),
		send: async (prepared, itemIndex) =>
			await provider.send(context, session, prepared, itemIndex, operation),
	};
	// The guards run before anything is sent: Validate Only opens no session and sends nothing.
	const moneyMove =
		operation.moneyMove === undefined
			? undefined
			: provider.guardMoneyMove(context, session, operation.moneyMove);
	return [
		await executeItems(context, withGuardsWhenMovingMoney(context, plain, moneyMove), {
			parallelRequests: readParallelRequests(context, provider.defaultParallelRequests),
			budget: provider.budget,
			firstRequestAlone: provider.firstRequestAlone,
		}),
	];
}
