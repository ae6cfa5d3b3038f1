import { getManyOperation } from '../operation.factory';

export const getMany = getManyOperation({ resource: 'notification', path: '/v1/notifications' });
