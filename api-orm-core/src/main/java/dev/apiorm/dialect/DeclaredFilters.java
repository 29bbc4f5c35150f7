package dev.apiorm.dialect;

import java.util.List;
import java.util.Map;

/**
 * The filters an application declares its API binds, as a dialect built on
 * {@link DeclaredLookups} is configured with them ({@code api-orm.spring-page.*},
 * {@code api-orm.jsonapi.*}). Each {@code withX} returns a copy with one value changed.
 *
 * @param lookups the lookups the API binds: {@code exact}, {@code in}, and others such as
 * {@code gte} or {@code icontains} sent as the lookup parameter
 * @param lookupParameter the parameter of a lookup other than {@code exact} and
 * {@code in}, with {@code {field}} and {@code {lookup}}
 * @param lookupTemplates templates of their own for some lookups, which they declare as
 * bound: {@code name=value} with {@code {field}} and {@code {value}}
 */
public record DeclaredFilters(List<String> lookups, String lookupParameter, Map<String, String> lookupTemplates) {

	public DeclaredFilters {
		lookups = (lookups != null) ? List.copyOf(lookups) : List.of();
		lookupTemplates = (lookupTemplates != null) ? Map.copyOf(lookupTemplates) : Map.of();
	}

	public DeclaredFilters withLookups(List<String> lookups) {
		return new DeclaredFilters(lookups, this.lookupParameter, this.lookupTemplates);
	}

	public DeclaredFilters withLookupParameter(String lookupParameter) {
		return new DeclaredFilters(this.lookups, lookupParameter, this.lookupTemplates);
	}

	public DeclaredFilters withLookupTemplates(Map<String, String> lookupTemplates) {
		return new DeclaredFilters(this.lookups, this.lookupParameter, lookupTemplates);
	}

}
