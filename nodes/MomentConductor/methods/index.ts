import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { callConductor, openConductorSession, type ConductorSession } from '../transport';
import {
	categoriesAtLevel,
	flattenCategories,
	flattenProducts,
	rootCategories,
	type CatalogCategory,
} from './catalog';

/** Deep enough for every catalog Moment documents (category > subcategory > products). */
const LISTING_DEPTH = 6;
/**
 * Depths tried in turn when Conductor answers INVALID_DEPTH: the document lists that error but no
 * maximum, so a provider may cap depth. The levels a smaller depth leaves out are read per category.
 */
const FALLBACK_DEPTHS = [6, 3, 2, 1];
/** Upper bound on the extra per-category requests one dropdown makes. */
const MAX_CATEGORY_REQUESTS = 50;

function isInvalidDepth(error: unknown): boolean {
	return (error as Error | undefined)?.message?.includes('INVALID_DEPTH') === true;
}

async function fetchCatalog(
	context: ILoadOptionsFunctions,
	session: ConductorSession,
	depth: number,
	categoryCode?: string,
): Promise<CatalogCategory[]> {
	const qs: Record<string, string> = { depth: String(depth) };
	if (categoryCode) qs.category_code = categoryCode;
	const { data } = await callConductor(context, session, { method: 'GET', path: '/catalogs', qs });
	return rootCategories(data);
}

async function fetchWholeCatalog(context: ILoadOptionsFunctions) {
	const session = await openConductorSession(context);
	for (const depth of FALLBACK_DEPTHS) {
		let roots: CatalogCategory[] | undefined;
		let refused: unknown;
		try {
			roots = await fetchCatalog(context, session, depth);
		} catch (error) {
			refused = error;
		}
		if (roots === undefined) {
			if (isInvalidDepth(refused) && depth !== FALLBACK_DEPTHS[FALLBACK_DEPTHS.length - 1])
				continue;
			throw refused;
		}
		let budget = MAX_CATEGORY_REQUESTS;
		// Read the levels this depth left out, one category at a time, down to LISTING_DEPTH.
		for (let level = depth + 1; level <= LISTING_DEPTH && budget > 0; level += depth) {
			for (const category of categoriesAtLevel(roots, level)) {
				if (budget-- <= 0) break;
				const [full] = await fetchCatalog(context, session, depth, category.code);
				if (full) Object.assign(category, { products: full.products, categories: full.categories });
			}
		}
		return roots;
	}
	return [];
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
