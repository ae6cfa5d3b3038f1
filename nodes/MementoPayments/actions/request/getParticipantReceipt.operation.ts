import { participantOperation } from './participant.factory';

export const getParticipantReceipt = participantOperation(
	'getParticipantReceipt',
	'GET',
	'receipt',
);
