// Users and orders of the fake Momento API, with the order status machine.
import { randomUUID } from 'node:crypto';

import type { OrderInput } from './validation';
import type { MomentoStats, Order, OrderIdFilter, OrderKind, OrderStatus, User } from './types';

const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
	pending: ['processing', 'completed', 'failed', 'cancelled'],
	processing: ['completed', 'failed'],
	completed: [],
	failed: [],
	cancelled: [],
};

export class ApiProblem extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: Record<string, unknown>,
	) {
		super(message);
	}
}

function freshStats(): MomentoStats {
	return {
		depositsCreated: 0,
		withdrawalsCreated: 0,
		usersCreated: 0,
		duplicateOrders: 0,
		rejectedSignatures: 0,
		rateLimited: 0,
	};
}

export class MomentoState {
	readonly stats: MomentoStats = freshStats();

	/** Every order created, oldest first (several may share an orderID without deduplication). */
	readonly orders: Record<OrderKind, Order[]> = { deposit: [], withdrawal: [] };

	constructor(
		public deduplicateOrderIds = false,
		public orderIdFilter: OrderIdFilter = 'honoured',
	) {}

	/** The latest order of this kind with this orderID. */
	findOrder(kind: OrderKind, orderID: string): Order | undefined {
		return this.orders[kind].filter((order) => order.orderID === orderID).pop();
	}

	readonly users = new Map<string, User>();

	createOrder(kind: OrderKind, input: OrderInput): Order {
		if (this.deduplicateOrderIds && this.findOrder(kind, input.orderID)) {
			this.stats.duplicateOrders += 1;
			throw new ApiProblem(
				409,
				'DUPLICATE_ORDER',
				`A ${kind} order with orderID ${input.orderID} already exists.`,
				{ orderID: input.orderID },
			);
		}
		const now = new Date().toISOString();
		const order: Order = {
			id: randomUUID(),
			kind,
			orderID: input.orderID,
			amount: input.amount,
			currency: input.currency,
			status: 'pending',
			callback_url: input.callback_url,
			request: input.request,
			created_at: now,
			updated_at: now,
		};
		this.orders[kind].push(order);
		if (kind === 'deposit') this.stats.depositsCreated += 1;
		else this.stats.withdrawalsCreated += 1;
		return order;
	}

	transition(kind: OrderKind, orderID: string, status: OrderStatus): Order {
		const order = this.findOrder(kind, orderID);
		if (!order) throw new Error(`no ${kind} order ${orderID}`);
		if (!TRANSITIONS[order.status].includes(status)) {
			throw new Error(`a ${order.status} ${kind} order cannot become ${status}`);
		}
		order.status = status;
		order.updated_at = new Date().toISOString();
		return order;
	}

	createUser(input: Omit<User, 'id' | 'created_at'>): User {
		if (this.users.has(input.id_number)) {
			throw new ApiProblem(
				409,
				'USER_EXISTS',
				`A user with id_number ${input.id_number} already exists.`,
				{ id_number: input.id_number },
			);
		}
		const user: User = { id: randomUUID(), ...input, created_at: new Date().toISOString() };
		this.users.set(user.id_number, user);
		this.stats.usersCreated += 1;
		return user;
	}

	reset(): void {
		this.orders.deposit.length = 0;
		this.orders.withdrawal.length = 0;
		this.users.clear();
		Object.assign(this.stats, freshStats());
	}
}

/** The order as the API shows it (the kind is implied by the endpoint). */
export function publicOrder(order: Order): Record<string, unknown> {
	const copy: Partial<Order> = structuredClone(order);
	delete copy.kind;
	return copy;
}
