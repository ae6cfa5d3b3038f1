import { participantOperation } from './participant.factory';

export const remind = participantOperation('remind', 'POST', 'remind');
