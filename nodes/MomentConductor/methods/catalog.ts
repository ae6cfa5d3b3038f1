/** Pure walks over a Conductor catalog answer, for the dropdowns. */

export interface CatalogCategory {
	code: string;
	name: string;
	products?: CatalogProduct[];
	categories?: CatalogCategory[];
}

export interface CatalogProduct {
	code: string;
	name: string;
	amount_rules?: {
		type?: string;
		amount?: { currency: string; value: string };
		minimum?: { currency: string; value: string };
		maximum?: { currency: string; value: string };
	};
}

export interface FlatCategory {
	code: string;
	path: string;
}

export interface FlatProduct {
	code: string;
	label: string;
	category: string;
}

/**
 * The answer is one category (in `data` or in `data.category`; the document's sample shows only
 * `data: {}`), or `{ categories }` when no category code was given.
 */
export function rootCategories(data: unknown): CatalogCategory[] {
	const object = (data ?? {}) as {
		code?: string;
		category?: CatalogCategory;
		categories?: CatalogCategory[];
	};
	if (typeof object.code === 'string') return [object as CatalogCategory];
	if (typeof object.category?.code === 'string') return [object.category];
	return Array.isArray(object.categories) ? object.categories : [];
}

/** The categories `levels` below the roots (level 1 = the roots themselves). */
export function categoriesAtLevel(roots: CatalogCategory[], levels: number): CatalogCategory[] {
	if (levels <= 1) return roots;
	return categoriesAtLevel(
		roots.flatMap((category) => category.categories ?? []),
		levels - 1,
	);
}

export function flattenCategories(roots: CatalogCategory[], parentPath = ''): FlatCategory[] {
	return roots.flatMap((category) => {
		const path = parentPath ? `${parentPath} › ${category.name}` : category.name;
		return [{ code: category.code, path }, ...flattenCategories(category.categories ?? [], path)];
	});
}

function priceOf(product: CatalogProduct): string {
	const rules = product.amount_rules;
	if (rules?.amount) return `${rules.amount.currency} ${rules.amount.value}`;
	if (rules?.minimum && rules.maximum) {
		return `${rules.minimum.currency} ${rules.minimum.value}–${rules.maximum.value}`;
	}
	return 'amount set by you';
}

export function flattenProducts(roots: CatalogCategory[]): FlatProduct[] {
	return roots.flatMap((category) => [
		...(category.products ?? []).map((product) => ({
			code: product.code,
			label: `${product.name} (${priceOf(product)})`,
			category: category.name,
		})),
		...flattenProducts(category.categories ?? []),
	]);
}
