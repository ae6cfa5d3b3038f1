import { uuidField } from '../common.fields';

export const REQUESTS_PATH = '/v1/requests';

export const requestUuidField = uuidField('requestUuid', 'Request UUID', 'UUID of the request');

export const participantUuidField = uuidField(
	'participantUuid',
	'Participant UUID',
	'UUID of the participant in the request (from Request > Get)',
);

export const requestPath = (uuid: string) => `${REQUESTS_PATH}/${uuid}`;
export const participantPath = (uuid: string, participant: string) =>
	`${REQUESTS_PATH}/${uuid}/participants/${participant}`;
