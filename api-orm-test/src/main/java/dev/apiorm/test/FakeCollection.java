package dev.apiorm.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.mapping.ApiPersistentProperty;
import dev.apiorm.core.mapping.ApiRelation;
import dev.apiorm.query.LookupOperator;
import dev.apiorm.query.RecordMatcher;
import dev.apiorm.query.Truth;

/**
 * The records of one model's endpoint, kept as the API sends them (maps of API names to
 * JSON values), and the Django REST Framework behaviour of its collection and record
 * URLs: django-filter lookups evaluated by api-orm's own evaluator (across to-one
 * relations too, as declared filters such as {@code author__country}), {@code ordering}
 * ({@link FakeOrdering}), LimitOffset or PageNumber pagination with DRF's links, required
 * and unique fields, and ETags with {@code If-Match}.
 */
final class FakeCollection {

	private static final Set<String> PAGING = Set.of("ordering", "limit", "offset", "page", "page_size");

	private static final int DEFAULT_PAGE_SIZE = 100;

	private final ApiPersistentEntity<?> entity;

	private final String idField;

	private final Map<String, Map<String, Object>> records = new LinkedHashMap<>();

	private final Map<String, Integer> versions = new LinkedHashMap<>();

	private @Nullable Map<String, Object> defaults;

	private final Supplier<Set<String>> unique;

	private final Supplier<@Nullable String> negationSuffix;

	private final Function<ApiPersistentEntity<?>, FakeCollection> others;

	private final FakeOrdering ordering;

	FakeCollection(ApiPersistentEntity<?> entity, Supplier<Set<String>> unique,
			Supplier<@Nullable String> negationSuffix, Function<ApiPersistentEntity<?>, FakeCollection> others) {
		this.entity = entity;
		this.others = others;
		this.ordering = new FakeOrdering(entity, others);
		this.idField = entity.getIdWireName();
		this.unique = unique;
		this.negationSuffix = negationSuffix;
	}

	synchronized FakeResponse list(String url, MultiValueMap<String, String> parameters) {
		Q condition = null;
		List<String> ordering = List.of();
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			String value = parameter.getValue().isEmpty() ? "" : parameter.getValue().get(0);
			if (name.equals("ordering")) {
				ordering = List.of(value.split(","));
			}
			else if (!PAGING.contains(name)) {
				Q lookup = lookup(name, value);
				if (lookup == null) {
					return FakeResponse.detail(400, "Unknown filter parameter '" + name + "' for "
							+ this.entity.getModelName() + " (fields: " + fields() + ")");
				}
				condition = (condition != null) ? condition.and(lookup) : lookup;
			}
		}
		RecordMatcher<Map<String, Object>> matcher = RecordMatcher.of(condition, this.entity.getMapFields());
		List<Map<String, Object>> found = new ArrayList<>();
		for (Map<String, Object> record : this.records.values()) {
			// A record the evaluator cannot decide on (text that differs only in case or
			// accents, where a database's collation decides) is left out.
			if (condition == null || matcher.test(record) == Truth.TRUE) {
				found.add(record);
			}
		}
		found.sort(this.ordering.comparator(ordering));
		try {
			return page(url, parameters, found);
		}
		catch (NumberFormatException ex) {
			return FakeResponse.detail(400, "Invalid paging parameter: " + ex.getMessage());
		}
	}

	private @Nullable Q lookup(String name, String value) {
		int split = name.lastIndexOf("__");
		String suffix = (split > 0) ? name.substring(split + 2) : "";
		LookupOperator operator = LookupOperator.ofSuffix(suffix);
		boolean negated = suffix.equals(this.negationSuffix.get());
		String field = (operator != null || negated) ? name.substring(0, split) : name;
		if (this.entity.getMapFields().field(field) == null || !isWireName(field)) {
			return acrossRelation(name, value);
		}
		LookupOperator effective = (operator != null) ? operator : LookupOperator.EXACT;
		Object operand = switch (effective) {
			case IN, RANGE -> List.of(value.split(",", -1));
			default -> value;
		};
		Q lookup = Q.of(field + "__" + effective.suffix(), operand);
		return negated ? lookup.negate() : lookup;
	}

	/**
	 * A lookup across a to-one relation ({@code author__country=PT}), as a declared
	 * django-filter filter answers it: the related records that match, by id.
	 */
	private @Nullable Q acrossRelation(String name, String value) {
		int join = name.indexOf("__");
		ApiRelation relation = (join > 0) ? this.entity.getRelation(name.substring(0, join)) : null;
		if (relation == null || relation.toMany()) {
			return null;
		}
		FakeCollection related = this.others.apply(this.entity.getRelatedEntity(relation));
		Q inner = related.lookup(name.substring(join + 2), value);
		return (inner != null) ? Q.of(relation.wireName() + "__in", related.idsMatching(inner)) : null;
	}

	private synchronized List<Object> idsMatching(Q condition) {
		RecordMatcher<Map<String, Object>> matcher = RecordMatcher.of(condition, this.entity.getMapFields());
		List<Object> ids = new ArrayList<>();
		for (Map<String, Object> record : this.records.values()) {
			if (matcher.test(record) == Truth.TRUE) {
				ids.add(record.get(this.idField));
			}
		}
		return ids;
	}

	private boolean isWireName(String field) {
		try {
			return this.entity.getWireName(field).equals(field);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private FakeResponse page(String url, MultiValueMap<String, String> parameters, List<Map<String, Object>> found) {
		int count = found.size();
		Pagination pagination = this.entity.getPagination();
		if (pagination == Pagination.NONE) {
			return FakeResponse.of(200, found);
		}
		UriComponentsBuilder link = UriComponentsBuilder.fromUriString(url);
		if (pagination == Pagination.PAGE_NUMBER) {
			int size = number(parameters, "page_size", DEFAULT_PAGE_SIZE);
			int page = number(parameters, "page", 1);
			int first = (page - 1) * size;
			if (page < 1 || size < 1 || (first >= count && page > 1)) {
				return FakeResponse.detail(404, "Invalid page.");
			}
			String next = (first + size < count) ? link.cloneBuilder().replaceQueryParam("page", page + 1).toUriString()
					: null;
			String previous = (page > 2) ? link.cloneBuilder().replaceQueryParam("page", page - 1).toUriString()
					: (page == 2) ? link.cloneBuilder().replaceQueryParam("page").toUriString() : null;
			return envelope(count, next, previous, found.subList(first, Math.min(count, first + size)));
		}
		int limit = number(parameters, "limit", DEFAULT_PAGE_SIZE);
		int offset = number(parameters, "offset", 0);
		if (limit < 1 || offset < 0) {
			throw new NumberFormatException("limit and offset must be positive");
		}
		String next = (offset + limit < count) ? link.cloneBuilder()
			.replaceQueryParam("limit", limit)
			.replaceQueryParam("offset", offset + limit)
			.toUriString() : null;
		String previous = (offset <= 0) ? null
				: (offset - limit <= 0) ? link.cloneBuilder().replaceQueryParam("offset").toUriString()
						: link.cloneBuilder().replaceQueryParam("offset", offset - limit).toUriString();
		return envelope(count, next, previous, found.subList(Math.min(offset, count), Math.min(count, offset + limit)));
	}

	private static FakeResponse envelope(int count, @Nullable String next, @Nullable String previous,
			List<Map<String, Object>> results) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("count", count);
		body.put("next", next);
		body.put("previous", previous);
		body.put("results", new ArrayList<>(results));
		return FakeResponse.of(200, body);
	}

	private static int number(MultiValueMap<String, String> parameters, String name, int otherwise) {
		String value = parameters.getFirst(name);
		return (value != null) ? Integer.parseInt(value) : otherwise;
	}

	synchronized @Nullable Map<String, Object> record(String id) {
		return this.records.get(id);
	}

	synchronized FakeResponse get(String id) {
		Map<String, Object> record = this.records.get(id);
		return (record != null) ? withEtag(200, id, record) : notFound();
	}

	synchronized FakeResponse create(Map<String, Object> body) {
		Map<String, Object> record = new LinkedHashMap<>(body);
		// As a model field's default applies to what a POST leaves out.
		defaults().forEach(record::putIfAbsent);
		Object id = record.get(this.idField);
		if (id == null) {
			id = nextId();
			record.put(this.idField, id);
		}
		Map<String, List<String>> errors = validate(record, null);
		if (!errors.isEmpty()) {
			return FakeResponse.of(400, errors);
		}
		String key = String.valueOf(id);
		this.records.put(key, record);
		this.versions.put(key, 1);
		return withEtag(201, key, record);
	}

	synchronized FakeResponse update(String id, Map<String, Object> body, boolean partial, @Nullable String ifMatch) {
		Map<String, Object> current = this.records.get(id);
		if (current == null) {
			return notFound();
		}
		if (ifMatch != null && !ifMatch.equals(etag(id))) {
			return FakeResponse.detail(412, "Precondition failed: the record changed since it was read.");
		}
		Map<String, Object> record = partial ? new LinkedHashMap<>(current) : new LinkedHashMap<>();
		record.putAll(body);
		record.put(this.idField, current.get(this.idField));
		Map<String, List<String>> errors = validate(record, id);
		if (!errors.isEmpty()) {
			return FakeResponse.of(400, errors);
		}
		this.records.put(id, record);
		this.versions.merge(id, 1, Integer::sum);
		return withEtag(200, id, record);
	}

	synchronized FakeResponse delete(String id, @Nullable String ifMatch) {
		if (!this.records.containsKey(id)) {
			return notFound();
		}
		if (ifMatch != null && !ifMatch.equals(etag(id))) {
			return FakeResponse.detail(412, "Precondition failed: the record changed since it was read.");
		}
		this.records.remove(id);
		this.versions.remove(id);
		return FakeResponse.of(204, null);
	}

	synchronized void put(Map<String, Object> record) {
		Object id = record.computeIfAbsent(this.idField, (name) -> nextId());
		this.records.put(String.valueOf(id), new LinkedHashMap<>(record));
		this.versions.put(String.valueOf(id), 1);
	}

	synchronized List<Map<String, Object>> records() {
		List<Map<String, Object>> copy = new ArrayList<>();
		this.records.values().forEach((record) -> copy.add(new LinkedHashMap<>(record)));
		return copy;
	}

	synchronized void clear() {
		this.records.clear();
		this.versions.clear();
	}

	private Map<String, List<String>> validate(Map<String, Object> record, @Nullable String id) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		this.entity.doWithProperties((ApiPersistentProperty property) -> {
			String name = property.getWireName();
			Object value = record.get(name);
			if (property.isIdProperty()) {
				return;
			}
			if (value == null && (property.isAnnotationPresent(NotNull.class)
					|| property.isAnnotationPresent(NotBlank.class) || property.isAnnotationPresent(NotEmpty.class))) {
				errors.put(name, List.of("This field is required."));
			}
			else if (value instanceof String text && text.isBlank() && property.isAnnotationPresent(NotBlank.class)) {
				errors.put(name, List.of("This field may not be blank."));
			}
		});
		for (String field : this.unique.get()) {
			Object value = record.get(field);
			for (Map.Entry<String, Map<String, Object>> other : this.records.entrySet()) {
				if (value != null && !other.getKey().equals(id) && value.equals(other.getValue().get(field))) {
					errors.put(field, List
						.of(this.entity.getModelName().toLowerCase() + " with this " + field + " already exists."));
				}
			}
		}
		return errors;
	}

	/**
	 * The values a new instance of the model holds before anything is set: its fields'
	 * defaults, as a serializer's defaults would apply.
	 */
	private Map<String, Object> defaults() {
		Map<String, Object> known = this.defaults;
		if (known != null) {
			return known;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		try {
			Object blank = this.entity.getCodec().convertValue(Map.of(), this.entity.getType());
			toJsonMap(blank).forEach((name, value) -> {
				if (value != null && !name.equals(this.idField)) {
					defaults.put(name, value);
				}
			});
		}
		catch (RuntimeException ex) {
			// A model that cannot be created empty has no defaults to apply.
		}
		this.defaults = defaults;
		return defaults;
	}

	@SuppressWarnings("unchecked")
	private <T> Map<String, Object> toJsonMap(Object record) {
		return ((dev.apiorm.core.mapping.ApiEntityCodec<T>) this.entity.getCodec()).toJsonMap((T) record);
	}

	private Object nextId() {
		long max = 0;
		for (Map<String, Object> record : this.records.values()) {
			if (record.get(this.idField) instanceof Number number) {
				max = Math.max(max, number.longValue());
			}
		}
		return max + 1;
	}

	private FakeResponse withEtag(int status, String id, Map<String, Object> record) {
		return new FakeResponse(status, record, Map.of("ETag", etag(id)));
	}

	private String etag(String id) {
		return "\"" + this.versions.getOrDefault(id, 1) + "\"";
	}

	private FakeResponse notFound() {
		return FakeResponse.detail(404, "No " + this.entity.getModelName() + " matches the given query.");
	}

	private List<String> fields() {
		List<String> names = new ArrayList<>();
		this.entity.doWithProperties((ApiPersistentProperty property) -> names.add(property.getWireName()));
		return names;
	}

}
