// ROOT POST /healthcheck (GET accepted too).
import type { RouteDef } from '../router';

export const healthRoutes: RouteDef[] = [
	{
		method: 'POST',
		pattern: '/healthcheck',
		prepare: () => () => ({ status: 200, detail: 'Conductor is up' }),
	},
];
