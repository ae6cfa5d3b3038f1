import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { callConductor, openConductorSession } from '../transport';
import { flattenCategories, flattenProducts, rootCategories } from './catalog';

/** Deep enough for every catalog Moment documents (category > subcategory > products). */
const LISTING_DEPTH = '6';

async function fetchWholeCatalog(context: ILoadOptionsFunctions) {
	const session = await openConductorSession(context);
	const { data } = await callConductor(context, session, {
		method: 'GET',
		path: '/catalogs',
		qs: { depth: LISTING_DEPTH },
	});
	return rootCategories(data);
}

function matches(filter: string | undefined, ...texts: string[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => text.toLowerCase().includes(needle));
}

export const listSearch = {
	async searchCategories(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const categories = flattenCategories(await fetchWholeCatalog(this));
		return {
			results: categories
				.filter((category) => matches(filter, category.path, category.code))
				.map((category) => ({ name: category.path, value: category.code })),
		};
	},
};

export const loadOptions = {
	async getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const products = flattenProducts(await fetchWholeCatalog(this));
		return products.map((product) => ({
			name: product.label,
			value: product.code,
			description: product.category,
		}));
	},
};
