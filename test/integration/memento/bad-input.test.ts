import {
	amountCases,
	HUGE_NUMBER,
	itRefusesEveryBadInput,
	type BadInputCase,
} from '../../harness/bad-input';
import { mementoNode, payParameters, useMementoSandbox } from './memento.fixture';

const amountCase = amountCases(payParameters({ amount: '={{ $json.amount }}' }));
const paymentCase = (label: string, uuid: string): BadInputCase => ({
	label,
	parameters: { resource: 'payment', operation: 'get', paymentUuid: '={{ $json.id }}' },
	item: { id: uuid },
	field: /Payment UUID/,
});

const cases: BadInputCase[] = [
	amountCase('an empty amount', ''),
	amountCase('a negative amount', '-12.50'),
	amountCase('a zero amount', '0', /greater than zero/),
	amountCase('an exponent', '1.25e1'),
	amountCase('too many decimals', '12.505', /more decimals/),
	amountCase('a comma decimal', '12,50'),
	amountCase('spaces inside', '12 .50'),
	amountCase('a non-numeric amount', 'twelve'),
	amountCase('a JSON number above 2^53', HUGE_NUMBER, /as a string/),
	{
		label: 'an expression resolving to undefined',
		parameters: payParameters({ amount: '={{ $json.missing }}' }),
		field: /Amount/,
	},
	{
		label: "unparsable JSON in a payment source's Details",
		parameters: {
			resource: 'paymentSource',
			operation: 'create',
			sourceType: 'card',
			name: 'Card',
			currency: 'GBP',
			details: '{"token": ',
		},
		field: /Details/,
		message: /not valid JSON/,
	},
	paymentCase('a payment UUID with a slash', '../v1/receipt'),
	paymentCase('a payment UUID ".."', '..'),
	paymentCase('a payment UUID "."', '.'),
	paymentCase('an empty payment UUID', ''),
	{
		label: 'a payment source id ".." (read back when limits are set)',
		parameters: payParameters({ paymentSourceUuid: '..' }),
		field: /Payment Source/,
	},
	{
		label: 'an over-long idempotency key',
		parameters: payParameters({ options: { idempotencyKey: 'k'.repeat(300) } }),
		field: /Idempotency Key/,
	},
	{
		label: 'a currency that is not ISO 4217',
		parameters: payParameters({ currency: 'GBPX' }),
		field: /Currency/,
	},
];

describe('Memento Payments: bad input is refused before any request', () => {
	const { sandbox, run } = useMementoSandbox();

	// Not even a session: it opens only for a request that is sent.
	itRefusesEveryBadInput(
		cases,
		async (badInput) =>
			await run({
				items: [badInput.item ?? {}],
				nodes: [mementoNode('Memento', badInput.parameters)],
			}),
		() => sandbox().requests,
	);
});
