import {
	amountCases,
	HUGE_NUMBER,
	itRefusesEveryBadInput,
	type BadInputCase,
} from '../../harness/bad-input';
import { depositParameters, momentoNode, useMomentoSandbox } from './momento.fixture';

const amountCase = amountCases(depositParameters({ amount: '={{ $json.amount }}' }));
const userCase = (label: string, idNumber: string): BadInputCase => ({
	label,
	parameters: { resource: 'user', operation: 'get', idNumber: '={{ $json.id }}' },
	item: { id: idNumber },
	field: /ID Number \(Cédula\)/,
});

const cases: BadInputCase[] = [
	amountCase('an empty amount', ''),
	amountCase('a negative amount', '-500'),
	amountCase('a zero amount', '0.00', /greater than zero/),
	amountCase('an exponent', '5e2'),
	amountCase('too many decimals', '500.005', /more decimals/),
	amountCase('a comma decimal', '500,50'),
	amountCase('spaces inside', '5 00'),
	amountCase('a non-numeric amount', 'quinientos'),
	amountCase('unparsable JSON text as the amount', '{"amount": 500'),
	amountCase('a JSON number above 2^53', HUGE_NUMBER, /as a string/),
	{
		label: 'an expression resolving to undefined',
		parameters: depositParameters({ amount: '={{ $json.missing }}' }),
		field: /Amount/,
	},
	userCase('a cédula with a slash', '001/0000000'),
	userCase('a cédula ".."', '..'),
	userCase('an empty cédula', ''),
	{
		label: 'an over-long order id',
		parameters: depositParameters({ options: { orderId: 'o'.repeat(65) } }),
		field: /Order ID/,
	},
	{
		label: 'an order id with a slash',
		parameters: depositParameters({ options: { orderId: 'INV/../1' } }),
		field: /Order ID/,
	},
	{
		label: 'a currency Momento does not take',
		parameters: depositParameters({ currency: 'EUR' }),
		field: /Currency/,
	},
	{
		label: 'a callback URL that is not http(s)',
		parameters: depositParameters({ callbackUrl: 'javascript:alert(1)' }),
		field: /Callback URL/,
	},
];

describe('Momento: bad input is refused before any request', () => {
	const { sandbox, run } = useMomentoSandbox();

	itRefusesEveryBadInput(
		cases,
		async (badInput) =>
			await run({
				items: [badInput.item ?? {}],
				nodes: [momentoNode('Momento', badInput.parameters)],
			}),
		() => sandbox().requests,
	);
});
