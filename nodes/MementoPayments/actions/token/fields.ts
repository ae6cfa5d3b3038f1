import { uuidField } from '../common.fields';

export const tokenUuidField = uuidField(
	'tokenUuid',
	'Token Request UUID',
	'The UUID Token > Create returned (not the token itself)',
);
