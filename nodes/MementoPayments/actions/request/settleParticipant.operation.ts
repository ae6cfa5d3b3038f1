import { participantOperation } from './participant.factory';

export const settleParticipant = participantOperation('settleParticipant', 'POST', 'settle');
