import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { callMomento, openMomentoSession } from '../transport';

/** The Bank dropdown of withdrawals: Momento's withdrawal banks, by name, valued by code. */
export async function getWithdrawalBanks(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const session = await openMomentoSession(this);
	const { body } = await callMomento(this, session, { method: 'GET', path: '/withdrawal_banks/' });
	const banks = (
		Array.isArray(body) ? body : ((body as IDataObject)?.results ?? [])
	) as IDataObject[];
	return banks
		.map((bank) => {
			const value = String(bank.code ?? bank.id ?? '');
			return { name: String(bank.name ?? value), value, description: value };
		})
		.filter((option) => option.value !== '')
		.sort((a, b) => a.name.localeCompare(b.name));
}
