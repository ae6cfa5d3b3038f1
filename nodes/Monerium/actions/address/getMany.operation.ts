import { chainProfileListOperation } from '../chain-profile-list.factory';

export const getMany = chainProfileListOperation({
	resource: 'address',
	path: '/addresses',
	key: 'addresses',
	onChain: 'addresses linked on',
	ofProfile: 'Addresses of',
});
