// Orders (paths assumed): POST /orders from catalogue products, GET /orders/{order_id}.
import { randomBytes } from 'node:crypto';

import { findCategory, productsUnder, type SeedProduct } from '../catalog-seed';
import { ConductorError } from '../errors';
import { fromCents, parseMoney, sumMoney, toCents, type Money } from '../money';
import { API_PREFIX, type RouteDef } from '../router';
import { nowIso, type Order, type OrderItem } from '../state';
import {
	bodyObject,
	isPlainObject,
	onlyFields,
	resolveBiller,
	resolveCustomer,
} from '../validation';
import { view } from './lifecycle';

function invalid(): never {
	throw new ConductorError('INVALID_PRODUCTS');
}

function parseQuantity(value: unknown, product: SeedProduct): number {
	if (value === undefined) return 1;
	if (typeof value !== 'number' || !Number.isInteger(value)) invalid();
	const rules = product.quantity_rules ?? { minimum: 1, maximum: 1 };
	if (value < rules.minimum || value > rules.maximum) invalid();
	return value;
}

/** `amount` is the unit amount: optional (and equal to the price) for FIXED, required for RANGE. */
function unitAmount(value: unknown, product: SeedProduct): Money {
	const rules = product.amount_rules;
	const sent = value === undefined ? undefined : parseMoney(value);
	if (!rules) return sent ?? invalid();
	if (rules.type === 'FIXED') {
		if (sent && (sent.currency !== rules.amount.currency || sent.value !== rules.amount.value)) {
			invalid();
		}
		return { ...rules.amount };
	}
	if (!sent || sent.currency !== rules.minimum.currency) invalid();
	const cents = toCents(sent.value);
	if (cents < toCents(rules.minimum.value) || cents > toCents(rules.maximum.value)) invalid();
	return sent;
}

function parseLine(raw: unknown, catalog: SeedProduct[]): OrderItem {
	if (!isPlainObject(raw) || typeof raw.code !== 'string') invalid();
	if (Object.keys(raw).some((key) => !['code', 'quantity', 'amount'].includes(key))) invalid();
	const product = catalog.find((entry) => entry.code === raw.code) ?? invalid();
	const quantity = parseQuantity(raw.quantity, product);
	const unit = unitAmount(raw.amount, product);
	return {
		code: product.code,
		name: product.name,
		quantity,
		unit_amount: unit,
		amount: { currency: unit.currency, value: fromCents(toCents(unit.value) * BigInt(quantity)) },
	};
}

export const orderRoutes: RouteDef[] = [
	{
		method: 'POST',
		pattern: `${API_PREFIX}/orders`,
		prepare(request, state) {
			const body = bodyObject(request.body);
			onlyFields(body, ['biller_code', 'identifier', 'products']);
			const biller = resolveBiller(body.biller_code);
			resolveCustomer(biller, body.identifier);
			const category = findCategory(biller.category_code);
			const catalog = category ? productsUnder(category) : [];
			if (!Array.isArray(body.products) || body.products.length === 0) invalid();
			const items = body.products.map((raw) => parseLine(raw, catalog));
			if (new Set(items.map((item) => item.code)).size !== items.length) invalid();
			if (items.some((item) => item.amount.currency !== biller.currency)) invalid();
			return () => {
				const order: Order = {
					id: `order_${randomBytes(12).toString('hex')}`,
					status: 'CREATED',
					biller_code: biller.code,
					identifier: structuredClone(body.identifier),
					items,
					amount: sumMoney(
						biller.currency,
						items.map((item) => item.amount.value),
					),
					transaction_id: null,
					created_at: nowIso(),
					paid_at: null,
				};
				state.orders.set(order.id, order);
				state.stats.ordersCreated += 1;
				return { status: 201, detail: 'Order created', data: view(order) };
			};
		},
	},
	{
		method: 'GET',
		pattern: `${API_PREFIX}/orders/:id`,
		prepare(request, state) {
			return () => {
				const order = state.orders.get(request.params.id);
				if (!order) throw new ConductorError('NOT_FOUND');
				return { status: 200, detail: 'Order retrieved', data: view(order) };
			};
		},
	},
];
