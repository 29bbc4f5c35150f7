package dev.apiorm.dialect.spring;

import java.util.List;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.DeclaredFilters;
import dev.apiorm.dialect.DeclaredLookups;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;

/**
 * What the Spring dialects write and read alike: the filters the application declares,
 * {@code sort=field,dir}, 0-based {@code page}/{@code size}, and Spring's error bodies.
 * They differ in how a page and a record are read.
 */
abstract class SpringDialect implements Dialect {

	private final String name;

	private final DeclaredLookups lookups;

	private final SpringErrorReader errors;

	SpringDialect(String name, JsonMapper mapper, DeclaredFilters filters, String property) {
		Assert.notNull(mapper, "mapper must not be null");
		Assert.notNull(filters, "filters must not be null");
		this.name = name;
		this.lookups = new DeclaredLookups(name, filters.lookups(), "{field}", filters.lookupParameter(),
				filters.lookupTemplates(), false, property);
		this.errors = new SpringErrorReader(mapper);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String queryParameters(@Nullable Q filter, List<String> ordering) {
		StringJoiner parameters = new StringJoiner("&");
		this.lookups.write(filter, parameters);
		SpringPaging.sort(ordering, parameters);
		return parameters.toString();
	}

	@Override
	public String parameterName(Q condition) {
		return this.lookups.parameterName(condition);
	}

	@Override
	public PageStart pageParameters(Pagination pagination, long offset, int size) {
		return SpringPaging.pageParameters(pagination, offset, size);
	}

	@Override
	public ErrorBody readError(String body) {
		return this.errors.read(body);
	}

}
