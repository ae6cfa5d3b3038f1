import { getManyOperation } from '../operation.factory';

export const MOMENTS_PATH = '/v1/moments';

export const getMany = getManyOperation({ resource: 'moment', path: MOMENTS_PATH });
