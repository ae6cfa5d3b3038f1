import { chainProfileListOperation } from '../chain-profile-list.factory';

export const getMany = chainProfileListOperation({
	resource: 'iban',
	path: '/ibans',
	key: 'ibans',
	onChain: 'IBANs routed to',
	ofProfile: 'IBANs of',
});
