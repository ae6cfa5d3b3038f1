import { runLoadOptions } from '../../harness/run-methods';
import { WITHDRAWAL_BANKS } from '../../sandboxes/momento/seed';
import { momentoCredential, momentoNode, useMomentoSandbox } from './momento.fixture';

describe('Momento: the withdrawal Bank dropdown', () => {
	const { sandbox } = useMomentoSandbox();

	it("lists Momento's withdrawal banks by name, valued by code, over a signed request", async () => {
		const banks = await runLoadOptions({
			node: momentoNode('Momento', { resource: 'withdrawal', operation: 'create' }),
			method: 'getWithdrawalBanks',
			credentials: [momentoCredential(sandbox())],
		});
		expect(banks).toEqual(
			[...WITHDRAWAL_BANKS]
				.sort((a, b) => a.name.localeCompare(b.name))
				.map((bank) => ({ name: bank.name, value: bank.code, description: bank.code })),
		);
		expect(sandbox().requests.at(-1)?.signatureValid).toBe(true);
	});
});
