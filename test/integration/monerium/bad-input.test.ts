import {
	amountCases,
	HUGE_NUMBER,
	itRefusesEveryBadInput,
	type BadInputCase,
} from '../../harness/bad-input';
import {
	locator,
	moneriumNode,
	placeParameters,
	SEED,
	useMoneriumSandbox,
} from './monerium.fixture';

const amountCase = amountCases(placeParameters({ amount: '={{ $json.amount }}' }));
const orderCase = (label: string, id: string): BadInputCase => ({
	label,
	parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
	item: { id },
	field: /Order ID/,
});

const cases: BadInputCase[] = [
	amountCase('an empty amount', ''),
	amountCase('a negative amount', '-100.50'),
	// Zero is allowed: the document's schema says non-negative (issue 19).
	amountCase('a leading plus sign', '+100.50'),
	amountCase('an exponent', '1e2'),
	amountCase('too many decimals', '100.505', /decimals/),
	amountCase('a comma decimal', '100,50'),
	amountCase('spaces inside', '100 .50'),
	amountCase('a non-numeric amount', 'hundred'),
	// Monerium takes amounts only as strings, so a JSON number is refused as such.
	amountCase('a JSON number above 2^53', HUGE_NUMBER, /must be a decimal string/),
	{
		label: 'an expression resolving to undefined',
		parameters: placeParameters({ amount: '={{ $json.missing }}' }),
		field: /Amount/,
	},
	{
		label: 'unparsable JSON in profile details',
		parameters: {
			resource: 'profile',
			operation: 'submitDetails',
			profile: locator(SEED.profileId ?? '00000000-0000-4000-8000-000000000000'),
			data: '{"firstName": ',
		},
		field: /Details \(JSON\)/,
		message: /not valid JSON/,
	},
	orderCase('an order id with a slash', '../profiles'),
	orderCase('an order id ".."', '..'),
	orderCase('an order id "."', '.'),
	orderCase('an empty order id', ''),
	{
		label: 'a profile id ".."',
		parameters: { resource: 'profile', operation: 'get', profile: locator('..') },
		field: /Profile/,
	},
	{
		label: 'an over-long order id (the idempotency key of a placement)',
		parameters: placeParameters({ additionalFields: { orderId: 'o'.repeat(300) } }),
		field: /Order ID/,
	},
	{
		label: 'an IBAN with a slash',
		parameters: { resource: 'iban', operation: 'get', iban: 'DK50/../../orders' },
		field: /IBAN/,
	},
];

describe('Monerium: bad input is refused before any request', () => {
	const { sandbox, run } = useMoneriumSandbox();

	itRefusesEveryBadInput(
		cases,
		async (badInput) =>
			await run({
				items: [badInput.item ?? {}],
				nodes: [moneriumNode('Monerium', badInput.parameters)],
			}),
		() => sandbox().requests,
	);
});
