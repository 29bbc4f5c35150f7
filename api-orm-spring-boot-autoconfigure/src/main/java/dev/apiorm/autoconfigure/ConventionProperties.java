package dev.apiorm.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

import dev.apiorm.Pagination;
import dev.apiorm.core.ApiClientOptions;
import dev.apiorm.core.PagingSettings;
import dev.apiorm.dialect.convention.ConventionDescription;
import dev.apiorm.dialect.convention.ConventionDialect;
import dev.apiorm.exception.ConfigurationException;

/**
 * A server's convention described by properties ({@code api-orm.convention.*}, per client
 * {@code api-orm.clients.<name>.convention.*}): where a list answer holds its records,
 * total and next page, how pages, orderings and lookups are written, and how records are
 * addressed and saved. Setting any key chooses the {@code convention} dialect for the
 * client (unless {@code dialect} names another, which is an error); a named client's keys
 * are laid over those of {@code api-orm.convention}.
 */
public class ConventionProperties {

	/**
	 * A described server to start from: feathers, nestjs-crud, postgrest or
	 * spring-page-dto.
	 */
	private @Nullable String preset;

	/**
	 * Body path of a list answer's records (data, _embedded.*); empty for the body
	 * itself.
	 */
	private @Nullable String records;

	/**
	 * Where the total is: a body path (total), or header:X-Total-Count,
	 * header:Content-Range.
	 */
	private @Nullable String total;

	/**
	 * Where the next page is: a body path (links.next), or header:Link; unset: written by
	 * the client.
	 */
	private @Nullable String next;

	/** Body path of the record in an answer holding one (data, 0); unset: the body. */
	private @Nullable String record;

	/** Path of one record, with {endpoint} and {id} (default {endpoint}/{id}). */
	private @Nullable String recordPath;

	/** Method that replaces a whole record: PUT (default) or PATCH. */
	private @Nullable String saveMethod;

	/** Body path of an error answer's message (default message). */
	private @Nullable String errorMessage;

	/** Headers sent with every request of the convention, such as Prefer: count=exact. */
	private Map<String, String> headers = new LinkedHashMap<>();

	/** How pages are asked for. */
	@NestedConfigurationProperty
	private final ConventionPagingProperties paging = new ConventionPagingProperties();

	/** How an ordering is written. */
	private final Ordering ordering = new Ordering();

	/** How lookups are written. */
	private final Filters filters = new Filters();

	/**
	 * A client's options with this description laid over the one they hold: the
	 * {@code convention} dialect, and the client's pagination starting as the convention
	 * pages unless its {@code pagination} key is set.
	 * @param options the options with the client's other keys applied
	 * @param name the client's {@code dialect} key, {@code null} when unset
	 * @param pagination the client's {@code pagination} key, {@code null} when unset
	 * @param prefix the prefix of the client's keys, for messages
	 * @return the options
	 * @throws ConfigurationException when {@code dialect} names another dialect
	 */
	ApiClientOptions applyTo(ApiClientOptions options, @Nullable String name, @Nullable Pagination pagination,
			String prefix) {
		ConventionDescription described = description();
		if (described.equals(ConventionDescription.EMPTY)) {
			return options;
		}
		if (name != null && !ConventionDialect.NAME.equals(name.trim())) {
			throw new ConfigurationException(prefix + "convention.* describes a convention, but " + prefix
					+ "dialect is '" + name + "': drop one, or set the dialect to convention");
		}
		ConventionDescription base = options.dialect().convention();
		ConventionDescription merged = (base != null) ? described.over(base) : described;
		PagingSettings paging = (pagination != null) ? options.paging()
				: options.paging().withPagination(ConventionDialect.paginationOf(merged, prefix + "convention"));
		return options.withPaging(paging)
			.withDialect(options.dialect().withName(ConventionDialect.NAME).withConvention(merged));
	}

	private ConventionDescription description() {
		return new ConventionDescription(this.preset, this.records, this.total, this.next, this.record, this.recordPath,
				this.saveMethod, this.errorMessage, this.headers, this.paging.description(),
				new ConventionDescription.Ordering(this.ordering.parameter, this.ordering.ascending,
						this.ordering.descending, this.ordering.joiner),
				new ConventionDescription.Filters(this.filters.lookups, this.filters.negated, this.filters.inJoiner,
						this.filters.valueKinds));
	}

	public @Nullable String getPreset() {
		return this.preset;
	}

	public void setPreset(@Nullable String preset) {
		this.preset = preset;
	}

	public @Nullable String getRecords() {
		return this.records;
	}

	public void setRecords(@Nullable String records) {
		this.records = records;
	}

	public @Nullable String getTotal() {
		return this.total;
	}

	public void setTotal(@Nullable String total) {
		this.total = total;
	}

	public @Nullable String getNext() {
		return this.next;
	}

	public void setNext(@Nullable String next) {
		this.next = next;
	}

	public @Nullable String getRecord() {
		return this.record;
	}

	public void setRecord(@Nullable String record) {
		this.record = record;
	}

	public @Nullable String getRecordPath() {
		return this.recordPath;
	}

	public void setRecordPath(@Nullable String recordPath) {
		this.recordPath = recordPath;
	}

	public @Nullable String getSaveMethod() {
		return this.saveMethod;
	}

	public void setSaveMethod(@Nullable String saveMethod) {
		this.saveMethod = saveMethod;
	}

	public @Nullable String getErrorMessage() {
		return this.errorMessage;
	}

	public void setErrorMessage(@Nullable String errorMessage) {
		this.errorMessage = errorMessage;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

	public ConventionPagingProperties getPaging() {
		return this.paging;
	}

	public Ordering getOrdering() {
		return this.ordering;
	}

	public Filters getFilters() {
		return this.filters;
	}

	/**
	 * How an ordering is written.
	 */
	public static class Ordering {

		/**
		 * Parameter of the ordering (ordering, sort, order); with {field}, one per field
		 * ($sort[{field}]).
		 */
		private @Nullable String parameter;

		/** Value of an ascending field: {field}, {field},ASC, {field}.asc, 1. */
		private @Nullable String ascending;

		/** Value of a descending field: -{field}, {field},DESC, {field}.desc, -1. */
		private @Nullable String descending;

		/**
		 * What joins the fields into one parameter (,); unset: the parameter repeated per
		 * field.
		 */
		private @Nullable String joiner;

		public @Nullable String getParameter() {
			return this.parameter;
		}

		public void setParameter(@Nullable String parameter) {
			this.parameter = parameter;
		}

		public @Nullable String getAscending() {
			return this.ascending;
		}

		public void setAscending(@Nullable String ascending) {
			this.ascending = ascending;
		}

		public @Nullable String getDescending() {
			return this.descending;
		}

		public void setDescending(@Nullable String descending) {
			this.descending = descending;
		}

		public @Nullable String getJoiner() {
			return this.joiner;
		}

		public void setJoiner(@Nullable String joiner) {
			this.joiner = joiner;
		}

	}

	/**
	 * How lookups are written: a template name=value per lookup, with {field} and
	 * {value}.
	 */
	public static class Filters {

		/**
		 * Template of each lookup the server binds: exact: "{field}={value}", gte:
		 * "{field}[$gte]={value}".
		 */
		private Map<String, String> lookups = new LinkedHashMap<>();

		/**
		 * Template of each lookup's negation, for exclude(): exact:
		 * "{field}[$ne]={value}".
		 */
		private Map<String, String> negated = new LinkedHashMap<>();

		/**
		 * What joins the values of in into one {value} (,); unset: the template repeated
		 * per value.
		 */
		private @Nullable String inJoiner;

		/**
		 * Kinds of values the server compares: text, number, boolean, date (default all).
		 */
		private List<String> valueKinds = List.of();

		public Map<String, String> getLookups() {
			return this.lookups;
		}

		public void setLookups(Map<String, String> lookups) {
			this.lookups = lookups;
		}

		public Map<String, String> getNegated() {
			return this.negated;
		}

		public void setNegated(Map<String, String> negated) {
			this.negated = negated;
		}

		public @Nullable String getInJoiner() {
			return this.inJoiner;
		}

		public void setInJoiner(@Nullable String inJoiner) {
			this.inJoiner = inJoiner;
		}

		public List<String> getValueKinds() {
			return this.valueKinds;
		}

		public void setValueKinds(List<String> valueKinds) {
			this.valueKinds = valueKinds;
		}

	}

}
