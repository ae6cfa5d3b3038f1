import {
	amountCases,
	HUGE_NUMBER,
	itRefusesEveryBadInput,
	type BadInputCase,
} from '../../harness/bad-input';
import type { IDataObject } from 'n8n-workflow';

import {
	BILL,
	conductorNode,
	createTransactionParameters as conductorParameters,
	useConductorSandbox,
} from './conductor.fixture';

const createTransactionParameters = (overrides: IDataObject = {}) =>
	conductorParameters(overrides) as IDataObject;

const bill = (amount: IDataObject[string]) => ({
	billItems: { bill: [{ id: BILL.id, amount, currency: BILL.amount.currency }] },
});
const amountCase = amountCases(createTransactionParameters({ ...bill('={{ $json.amount }}') }), {
	reference: 'bad-1',
});
const idCase = (label: string, operation: string, id: string): BadInputCase => ({
	label,
	parameters: { resource: 'transaction', operation, transactionId: '={{ $json.id }}' },
	item: { id },
	field: /Transaction ID/,
});

const cases: BadInputCase[] = [
	amountCase('an empty amount', ''),
	amountCase('a negative amount', '-5'),
	amountCase('a zero amount', '0', /greater than zero/),
	amountCase('an exponent', '1e3'),
	amountCase('too many decimals', '59.999', /more decimals/),
	amountCase('a comma decimal', '59,99'),
	amountCase('spaces inside', '5 9.99'),
	amountCase('a non-numeric amount', 'fifty'),
	amountCase('a JSON number above 2^53', HUGE_NUMBER, /as a string/),
	{
		label: 'an expression resolving to undefined',
		parameters: createTransactionParameters({ ...bill('={{ $json.missing }}') }),
		item: { reference: 'bad-2' },
		field: /Amount/,
	},
	{
		label: 'unparsable JSON in Meta Data',
		parameters: createTransactionParameters({ additionalFields: { metaData: '{"a": ' } }),
		item: { reference: 'bad-3' },
		field: /Meta Data/,
		message: /not valid JSON/,
	},
	idCase('an id with a slash (cancel)', 'cancel', 'abc/../../cancel'),
	idCase('an id ".." (cancel)', 'cancel', '..'),
	idCase('an id "." (get)', 'get', '.'),
	idCase('an empty id (complete)', 'complete', ''),
	{
		label: 'an order id ".."',
		parameters: { resource: 'order', operation: 'get', orderId: '..' },
		field: /Order ID/,
	},
	{
		label: 'an over-long idempotency key',
		parameters: createTransactionParameters({ options: { idempotencyKey: 'k'.repeat(300) } }),
		item: { reference: 'bad-4' },
		field: /Idempotency Key/,
	},
	{
		label: 'an empty external reference',
		parameters: createTransactionParameters(),
		item: { reference: '' },
		field: /External Reference/,
	},
];

describe('Moment Conductor: bad input is refused before any request', () => {
	const { sandbox, run } = useConductorSandbox();

	itRefusesEveryBadInput(
		cases,
		async (badInput) =>
			await run({
				items: [badInput.item ?? {}],
				nodes: [conductorNode('Conductor', badInput.parameters)],
			}),
		() => sandbox().requests,
	);
});
