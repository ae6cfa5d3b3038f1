// GET /catalogs?category_code=...&depth=... (path assumed): the category tree cut at `depth` levels.
import { findCategory, SEED_CATALOG, type SeedCategory } from '../catalog-seed';
import { ConductorError } from '../errors';
import { API_PREFIX, type RouteDef } from '../router';

/** Levels below the cut are listed as stubs (code, name, description) without products. */
function render(category: SeedCategory, depth: number): unknown {
	return {
		code: category.code,
		name: category.name,
		description: category.description,
		products: structuredClone(category.products),
		categories: category.categories.map((child) =>
			depth > 1
				? render(child, depth - 1)
				: { code: child.code, name: child.name, description: child.description },
		),
	};
}

function parseDepth(value: string | undefined): number {
	if (value === undefined) return 1;
	if (!/^[1-9]\d{0,2}$/.test(value)) throw new ConductorError('INVALID_DEPTH');
	return Number(value);
}

export const catalogRoutes: RouteDef[] = [
	{
		method: 'GET',
		pattern: `${API_PREFIX}/catalogs`,
		prepare(request) {
			const depth = parseDepth(request.query.depth);
			const code = request.query.category_code;
			const category = code === undefined ? undefined : findCategory(code);
			if (code !== undefined && !category) throw new ConductorError('INVALID_CATEGORY');
			return () => ({
				status: 200,
				detail: 'Catalog retrieved',
				data: category
					? render(category, depth)
					: { categories: SEED_CATALOG.map((top) => render(top, depth)) },
			});
		},
	},
];
