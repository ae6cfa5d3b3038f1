// What the Moment Conductor credential and node both know about the API. Both import this
// module; the node never imports the credential file.

export const CONDUCTOR_DEFAULT_BASE_URL = 'https://api.momentco.net/conductor/v1';

/** The healthcheck lives at the host root, not under /conductor/v1. */
export function conductorRootUrl(baseUrl: string): string {
	return baseUrl.replace(/\/+$/, '').replace(/\/conductor\/v\d+$/, '');
}
