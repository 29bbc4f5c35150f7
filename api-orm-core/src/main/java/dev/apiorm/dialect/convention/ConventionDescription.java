package dev.apiorm.dialect.convention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A server's convention as properties describe it ({@code api-orm.convention.*}): plain
 * text, checked and compiled once by {@link ConventionDialect}. Every value may be left
 * {@code null} (a map empty) to take it from the {@link #preset() preset}, or the default
 * of {@link ConventionDialect}.
 *
 * @param preset the name of a description of {@link ConventionPresets} this one is laid
 * over, {@code null} for none
 * @param records the body path of the records of a list answer ({@code data},
 * {@code _embedded.*}); {@code null} or empty when the body is the array itself
 * @param total where the total is: a body path ({@code total},
 * {@code page.totalElements}) or {@code header:<name>} ({@code header:X-Total-Count}; a
 * {@code Content-Range} such as {@code 0-9/105} is read after its slash); {@code null}
 * when the server gives none
 * @param next where the next page is: a body path holding its URL (or, for cursor paging,
 * its cursor), or {@code header:Link} ({@code rel="next"}); {@code null} when the client
 * writes it from the paging parameters
 * @param record the body path of the record in an answer that holds one, {@code null}
 * when the body is the record
 * @param recordPath the path of one record, with {@code {endpoint}} and {@code {id}}
 * ({@code {endpoint}/{id}} by default, {@code {endpoint}?id=eq.{id}} for PostgREST)
 * @param saveMethod the method that replaces a whole record: {@code PUT} (default) or
 * {@code PATCH}
 * @param errorMessage the body path of an error answer's message ({@code message} by
 * default)
 * @param headers request headers the convention needs on every request
 * ({@code Prefer: count=exact})
 * @param paging how pages are asked for
 * @param ordering how an ordering is written
 * @param filters how lookups are written
 */
public record ConventionDescription(@Nullable String preset, @Nullable String records, @Nullable String total,
		@Nullable String next, @Nullable String record, @Nullable String recordPath, @Nullable String saveMethod,
		@Nullable String errorMessage, Map<String, String> headers, Paging paging, Ordering ordering, Filters filters) {

	/** A description that says nothing: every value from the preset or the defaults. */
	public static final ConventionDescription EMPTY = new ConventionDescription(null, null, null, null, null, null,
			null, null, Map.of(), Paging.EMPTY, Ordering.EMPTY, Filters.EMPTY);

	public ConventionDescription {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
		paging = (paging != null) ? paging : Paging.EMPTY;
		ordering = (ordering != null) ? ordering : Ordering.EMPTY;
		filters = (filters != null) ? filters : Filters.EMPTY;
	}

	/**
	 * This description laid over another: each value this one leaves unset is taken from
	 * the other; maps are merged, this one's entries winning.
	 * @param base the description underneath (a preset)
	 * @return the merged description, with this one's preset, else the other's
	 */
	public ConventionDescription over(ConventionDescription base) {
		return new ConventionDescription(or(this.preset, base.preset), or(this.records, base.records),
				or(this.total, base.total), or(this.next, base.next), or(this.record, base.record),
				or(this.recordPath, base.recordPath), or(this.saveMethod, base.saveMethod),
				or(this.errorMessage, base.errorMessage), merged(base.headers, this.headers),
				this.paging.over(base.paging), this.ordering.over(base.ordering), this.filters.over(base.filters));
	}

	static <T> @Nullable T or(@Nullable T value, @Nullable T base) {
		return (value != null) ? value : base;
	}

	static Map<String, String> merged(Map<String, String> base, Map<String, String> over) {
		Map<String, String> merged = new LinkedHashMap<>(base);
		merged.putAll(over);
		return merged;
	}

	/**
	 * How pages are asked for and what an answer shows of its own paging.
	 *
	 * @param type {@code offset} (default), {@code page}, {@code cursor} or {@code none}
	 * @param offset the parameter of the first record's index ({@code offset})
	 * @param limit the parameter of the page size with an offset ({@code limit})
	 * @param page the parameter of the page number ({@code page})
	 * @param size the parameter of the page size with a page number or a cursor
	 * ({@code size})
	 * @param firstPage the number of the first page, 0 or 1 (default 1)
	 * @param cursor the parameter that carries a cursor ({@code cursor})
	 * @param shownOffset the body path where an answer shows the offset it starts at
	 * ({@code skip}), {@code null} when it does not
	 * @param shownPage the body path where an answer shows its page number
	 * @param shownSize the body path where an answer shows the page size it served
	 */
	public record Paging(@Nullable String type, @Nullable String offset, @Nullable String limit, @Nullable String page,
			@Nullable String size, @Nullable Integer firstPage, @Nullable String cursor, @Nullable String shownOffset,
			@Nullable String shownPage, @Nullable String shownSize) {

		/** Paging that says nothing. */
		public static final Paging EMPTY = new Paging(null, null, null, null, null, null, null, null, null, null);

		Paging over(Paging base) {
			return new Paging(or(this.type, base.type), or(this.offset, base.offset), or(this.limit, base.limit),
					or(this.page, base.page), or(this.size, base.size), or(this.firstPage, base.firstPage),
					or(this.cursor, base.cursor), or(this.shownOffset, base.shownOffset),
					or(this.shownPage, base.shownPage), or(this.shownSize, base.shownSize));
		}

	}

	/**
	 * How an ordering is written: per field, a parameter and a value of its direction,
	 * repeated per field, or joined into one parameter.
	 *
	 * @param parameter the parameter's name ({@code ordering}, {@code sort}); it may hold
	 * {@code {field}} ({@code $sort[{field}]}), then each field is a parameter of its own
	 * @param ascending the value of an ascending field, with {@code {field}}
	 * ({@code {field}}, {@code {field},ASC}, {@code 1})
	 * @param descending the value of a descending field ({@code -{field}},
	 * {@code {field}.desc}, {@code -1})
	 * @param joiner what joins the fields' values into one parameter ({@code ,});
	 * {@code null} to repeat the parameter per field
	 */
	public record Ordering(@Nullable String parameter, @Nullable String ascending, @Nullable String descending,
			@Nullable String joiner) {

		/** An ordering that says nothing. */
		public static final Ordering EMPTY = new Ordering(null, null, null, null);

		Ordering over(Ordering base) {
			return new Ordering(or(this.parameter, base.parameter), or(this.ascending, base.ascending),
					or(this.descending, base.descending), or(this.joiner, base.joiner));
		}

	}

	/**
	 * How lookups are written, each as a template {@code name=value} with {@code {field}}
	 * and {@code {value}} ({@code {field}[$gte]={value}},
	 * {@code filter={field}||$gte||{value}}, {@code {field}=gte.{value}}). A lookup
	 * without a template is refused; {@code range} is written as {@code gte} and
	 * {@code lte}.
	 *
	 * @param lookups the template of each lookup the server binds, by lookup
	 * ({@code exact}, {@code gte}, {@code in}, ...)
	 * @param negated the template of each lookup's negation, for {@code exclude()}
	 * ({@code exact} to {@code {field}[$ne]={value}})
	 * @param inJoiner what joins the values of {@code in} into one {@code {value}}
	 * ({@code ,}); {@code null} to repeat the template per value
	 * @param valueKinds the kinds of values the server compares: {@code text},
	 * {@code number}, {@code boolean}, {@code date}; empty for all
	 */
	public record Filters(Map<String, String> lookups, Map<String, String> negated, @Nullable String inJoiner,
			List<String> valueKinds) {

		/** Filters that say nothing. */
		public static final Filters EMPTY = new Filters(Map.of(), Map.of(), null, List.of());

		public Filters {
			lookups = (lookups != null) ? Map.copyOf(lookups) : Map.of();
			negated = (negated != null) ? Map.copyOf(negated) : Map.of();
			valueKinds = (valueKinds != null) ? List.copyOf(valueKinds) : List.of();
		}

		Filters over(Filters base) {
			return new Filters(merged(base.lookups, this.lookups), merged(base.negated, this.negated),
					or(this.inJoiner, base.inJoiner), this.valueKinds.isEmpty() ? base.valueKinds : this.valueKinds);
		}

	}

}
