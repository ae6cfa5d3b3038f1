import { participantOperation } from './participant.factory';

export const cancelParticipant = participantOperation('cancelParticipant', 'POST', 'cancel');
