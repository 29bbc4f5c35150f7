package dev.apiorm.dialect.convention;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.apiorm.exception.ConfigurationException;

/**
 * Named descriptions of the servers conventions were tried against
 * ({@code api-orm.convention.preset}); a description laid over one changes what it sets.
 * Each is written from the server's documentation and tried against the real server
 * (PostgREST, which cannot be installed on the build's machines, on the wire).
 */
public final class ConventionPresets {

	private static final List<String> ORDERED = List.of("gt", "gte", "lt", "lte");

	/** The presets by name. */
	private static final Map<String, ConventionDescription> PRESETS = new TreeMap<>(Map.of("feathers", feathers(),
			"nestjs-crud", nestjsCrud(), "postgrest", postgrest(), "spring-page-dto", springPageDto()));

	private ConventionPresets() {
	}

	/**
	 * The names of the presets.
	 * @return the names, sorted
	 */
	public static List<String> names() {
		return List.copyOf(PRESETS.keySet());
	}

	/**
	 * The description of a preset.
	 * @param name the preset's name, in any case
	 * @param property the property that named it, for the message
	 * @return the description
	 * @throws ConfigurationException naming the property when no preset has that name
	 */
	public static ConventionDescription named(String name, String property) {
		ConventionDescription preset = PRESETS.get(name.trim().toLowerCase(Locale.ROOT));
		if (preset == null) {
			throw new ConfigurationException(
					"Invalid value '" + name + "' for " + property + ": must be one of " + PRESETS.keySet());
		}
		return preset;
	}

	/**
	 * Feathers 5 services with pagination: {@code {total, limit, skip, data}},
	 * {@code $limit}/{@code $skip}, {@code $sort[field]=1|-1}, {@code field[$gte]=v}.
	 */
	private static ConventionDescription feathers() {
		Map<String, String> lookups = new TreeMap<>(Map.of("exact", "{field}={value}", "in", "{field}[$in][]={value}"));
		ORDERED.forEach((lookup) -> lookups.put(lookup, "{field}[$" + lookup + "]={value}"));
		Map<String, String> negated = Map.of("exact", "{field}[$ne]={value}", "in", "{field}[$nin][]={value}", "gt",
				"{field}[$lte]={value}", "gte", "{field}[$lt]={value}", "lt", "{field}[$gte]={value}", "lte",
				"{field}[$gt]={value}");
		return new ConventionDescription(null, "data", "total", null, null, null, "PUT", "message", Map.of(),
				new ConventionDescription.Paging("offset", "$skip", "$limit", null, null, null, null, "skip", null,
						"limit"),
				new ConventionDescription.Ordering("$sort[{field}]", "1", "-1", null),
				new ConventionDescription.Filters(lookups, negated, null, List.of()));
	}

	/**
	 * NestJS CRUD ({@code @nestjsx/crud}): {@code {data, count, total, page, pageCount}},
	 * {@code page} (from 1) and {@code limit}, {@code sort=field,DESC} repeated,
	 * {@code filter=field||$op||value}. Dates are not compared (the query parser makes
	 * them JavaScript dates, which not every database binds).
	 */
	private static ConventionDescription nestjsCrud() {
		Map<String, String> lookups = new TreeMap<>();
		Map<String, String> negated = new TreeMap<>();
		Map.of("exact", "eq", "iexact", "eqL", "icontains", "contL", "istartswith", "startsL", "iendswith", "endsL",
				"in", "in", "gt", "gt", "gte", "gte", "lt", "lt", "lte", "lte")
			.forEach((lookup, operator) -> lookups.put(lookup, "filter={field}||$" + operator + "||{value}"));
		Map.of("exact", "ne", "iexact", "neL", "icontains", "exclL", "in", "notin", "gt", "lte", "gte", "lt", "lt",
				"gte", "lte", "gt")
			.forEach((lookup, operator) -> negated.put(lookup, "filter={field}||$" + operator + "||{value}"));
		return new ConventionDescription(null, "data", "total", null, null, null, "PUT", "message", Map.of(),
				new ConventionDescription.Paging("page", null, null, "page", "limit", 1, null, null, "page", null),
				new ConventionDescription.Ordering("sort", "{field},ASC", "{field},DESC", null),
				new ConventionDescription.Filters(lookups, negated, ",", List.of("text", "number", "boolean")));
	}

	/**
	 * PostgREST: the records as the body, {@code Prefer: count=exact} answered with
	 * {@code Content-Range: 0-24/105}, {@code limit}/{@code offset},
	 * {@code order=field.desc} joined with commas, {@code field=gte.v}, records addressed
	 * as {@code ?id=eq.7} and answered in an array.
	 */
	private static ConventionDescription postgrest() {
		Map<String, String> lookups = new TreeMap<>(Map.of("exact", "{field}=eq.{value}", "iexact",
				"{field}=ilike.{value}", "in", "{field}=in.({value})", "contains", "{field}=like.*{value}*",
				"icontains", "{field}=ilike.*{value}*", "startswith", "{field}=like.{value}*", "istartswith",
				"{field}=ilike.{value}*", "endswith", "{field}=like.*{value}", "iendswith", "{field}=ilike.*{value}"));
		ORDERED.forEach((lookup) -> lookups.put(lookup, "{field}=" + lookup + ".{value}"));
		Map<String, String> negated = new TreeMap<>();
		lookups.forEach((lookup, template) -> negated.put(lookup, template.replace("{field}=", "{field}=not.")));
		return new ConventionDescription(null, "", "header:Content-Range", null, "0", "{endpoint}?id=eq.{id}", "PATCH",
				"message", Map.of("Prefer", "count=exact, return=representation"),
				new ConventionDescription.Paging("offset", "offset", "limit", null, null, null, null, null, null, null),
				new ConventionDescription.Ordering("order", "{field}.asc", "{field}.desc", ","),
				new ConventionDescription.Filters(lookups, negated, ",", List.of()));
	}

	/**
	 * A Spring controller returning a page DTO like spring-petclinic-rest's:
	 * {@code {content, page, size, totalElements, totalPages}} with {@code page} a number
	 * from 0, {@code sort=field,desc} repeated, filters as {@code field=value}.
	 */
	private static ConventionDescription springPageDto() {
		return new ConventionDescription(null, "content", "totalElements", null, null, null, "PUT", "message", Map.of(),
				new ConventionDescription.Paging("page", null, null, "page", "size", 0, null, null, "page", "size"),
				new ConventionDescription.Ordering("sort", "{field},asc", "{field},desc", null),
				new ConventionDescription.Filters(Map.of("exact", "{field}={value}"), Map.of(), null, List.of()));
	}

}
