// GET /catalogs?category_code=...&depth=... (path assumed): the category tree cut at `depth` levels.
import { findCategory, SEED_CATALOG, type SeedCategory } from '../catalog-seed';
import { ConductorError } from '../errors';
import { API_PREFIX, type RouteDef } from '../router';
import type { ConductorSandboxOptions } from '../types';

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

function parseDepth(value: string | undefined, maxDepth: number): number {
	if (value === undefined) return 1;
	if (!/^[1-9]\d{0,2}$/.test(value) || Number(value) > maxDepth) {
		throw new ConductorError('INVALID_DEPTH');
	}
	return Number(value);
}

/** The catalog route; `maxDepth` and `catalogAt` play providers that read the document differently. */
export function catalogRoutesFor(options: ConductorSandboxOptions = {}): RouteDef[] {
	const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
	return [
		{
			method: 'GET',
			pattern: `${API_PREFIX}/catalogs`,
			prepare(request) {
				const depth = parseDepth(request.query.depth, maxDepth);
				const code = request.query.category_code;
				const category = code === undefined ? undefined : findCategory(code);
				if (code !== undefined && !category) throw new ConductorError('INVALID_CATEGORY');
				return () => {
					const rendered = category ? render(category, depth) : undefined;
					return {
						status: 200,
						detail: 'Catalog retrieved',
						data: !rendered
							? { categories: SEED_CATALOG.map((top) => render(top, depth)) }
							: options.catalogAt === 'data.category'
								? { category: rendered }
								: rendered,
					};
				};
			},
		},
	];
}
