// n8n's HTTP Request node as the benchmarks configure it: what a user would build instead of the
// pack's node, with the pack's credential picked as a Predefined Credential Type.

export interface JsonPost {
	url: string;
	/** The pack credential type, e.g. momentConductorApi, and the imported credential. */
	credentialType: string;
	credential: { id: string; name: string };
	headers: Array<{ name: string; value: string }>;
	/** An n8n expression that evaluates to the JSON body text. */
	jsonBody: string;
	/** The node's Options (e.g. batching). */
	options: Record<string, unknown>;
}

/** An HTTP Request node (4.2) POSTing a JSON body with a predefined credential. */
export function httpRequestJsonPost(name: string, post: JsonPost) {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: post.url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: post.credentialType,
			sendHeaders: true,
			headerParameters: { parameters: post.headers },
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: post.jsonBody,
			options: post.options,
		},
		credentials: { [post.credentialType]: post.credential },
	};
}
