// POST /accounts/enquiry (path assumed): account details, amount due and open bills of a customer.
import { findCategory, productsUnder } from '../catalog-seed';
import { sumMoney } from '../money';
import { API_PREFIX, type RouteDef } from '../router';
import { billsOf } from '../seed';
import {
	bodyObject,
	onlyFields,
	parseReference,
	resolveBiller,
	resolveCustomer,
} from '../validation';

export const accountRoutes: RouteDef[] = [
	{
		method: 'POST',
		pattern: `${API_PREFIX}/accounts/enquiry`,
		requiresRetailer: true,
		bareSample: true,
		prepare(request) {
			const body = bodyObject(request.body);
			onlyFields(body, ['biller_code', 'identifier', 'reference']);
			const biller = resolveBiller(body.biller_code);
			const customer = resolveCustomer(biller, body.identifier);
			const reference = parseReference(biller, body.reference);
			return () => {
				const bills = billsOf(customer).filter(
					(bill) => reference === undefined || bill.reference === reference,
				);
				const category = findCategory(biller.category_code);
				const products = (category ? productsUnder(category) : [])
					.filter((product) => customer.product_codes.includes(product.code))
					.map(({ code, name, description }) => ({ code, name, description }));
				return {
					status: 200,
					detail: 'Account details retrieved',
					data: {
						external_id: customer.external_id,
						customer: {
							name: customer.name,
							email: customer.email,
							phone: customer.phone,
							customer_number: customer.customer_number ?? customer.external_id,
						},
						biller: { code: biller.code, name: biller.name },
						amount_due: sumMoney(
							biller.currency,
							bills.map((bill) => bill.amount.value),
						),
						products,
						bills: bills.map((bill) => ({
							id: bill.id,
							reference: bill.reference,
							amount: { ...bill.amount },
							due_date: bill.due_date,
							description: bill.description,
						})),
					},
				};
			};
		},
	},
];
