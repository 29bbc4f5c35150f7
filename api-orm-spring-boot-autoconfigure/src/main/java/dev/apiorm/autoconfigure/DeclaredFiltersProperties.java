package dev.apiorm.autoconfigure;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;

import dev.apiorm.dialect.DeclaredFilters;

/**
 * The filters a server binds, for the dialects that send only those
 * ({@code api-orm.spring-page.*}, {@code api-orm.spring-data-rest.*},
 * {@code api-orm.jsonapi.*}): it ignores request parameters its code does not name, so
 * only the lookups declared here are sent and the others are refused. A key left unset
 * keeps the value it is applied to.
 */
public class DeclaredFiltersProperties {

	/**
	 * The lookups the application binds: exact (field=value), in (field=value repeated,
	 * comma-joined for jsonapi), and others such as gte, lte, icontains (sent as
	 * lookup-parameter). Default: exact for spring-page and jsonapi, none for
	 * spring-data-rest (a collection resource binds no filter).
	 */
	private @Nullable List<String> lookups;

	/**
	 * The request parameter of a lookup other than exact and in, with {field} and
	 * {lookup}: {field}_{lookup} sends pages_gte=100. Default: {field}_{lookup},
	 * filter[{field}][{lookup}] for jsonapi.
	 */
	private @Nullable String lookupParameter;

	/**
	 * Templates of their own for some lookups, which they declare as bound: name=value
	 * with {field} and {value}, such as gt: "filter[{field}]=>{value}" for servers that
	 * put the operator in the value.
	 */
	private @Nullable Map<String, String> lookupTemplates;

	DeclaredFilters applyTo(DeclaredFilters filters) {
		PropertyMapper map = PropertyMapper.get();
		filters = map.from(this.lookups).to(filters, DeclaredFilters::withLookups);
		filters = map.from(this.lookupParameter).to(filters, DeclaredFilters::withLookupParameter);
		return map.from(this.lookupTemplates).to(filters, DeclaredFilters::withLookupTemplates);
	}

	public @Nullable List<String> getLookups() {
		return this.lookups;
	}

	public void setLookups(@Nullable List<String> lookups) {
		this.lookups = lookups;
	}

	public @Nullable String getLookupParameter() {
		return this.lookupParameter;
	}

	public void setLookupParameter(@Nullable String lookupParameter) {
		this.lookupParameter = lookupParameter;
	}

	public @Nullable Map<String, String> getLookupTemplates() {
		return this.lookupTemplates;
	}

	public void setLookupTemplates(@Nullable Map<String, String> lookupTemplates) {
		this.lookupTemplates = lookupTemplates;
	}

}
