package dev.apiorm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the query of a repository method as a fixed set of Django lookups instead of
 * deriving it from the method's name, for a query that has a name of its own in the
 * application ({@code published()}, {@code recentInGenre(genre)}) or that a method name
 * cannot spell.
 * <p>
 * Each lookup is {@code field__lookup=value} as in
 * {@link QuerySet#filter(String, Object)} ({@code "status=published"},
 * {@code "views__gte=100"}, {@code "genre__in=sf,fantasy"}); a value {@code :name} takes
 * the method's parameter of that name (its {@code @Param("name")} or its compiled name),
 * every other value is the literal, converted to the field's type. The lookups are joined
 * with AND and sent, checked and verified as any filter: a field the model does not have,
 * a parameter no lookup uses or a lookup the client's dialect cannot send fails start-up
 * naming the method.
 * <p>
 * The method returns what a derived query may return (the model, {@code Optional},
 * {@code List}, {@code Stream}, {@code Page}, {@code Slice}, {@code Window}, projections,
 * {@code Mono}, {@code Flux}, {@code Flow}, a {@code suspend} value); a {@code long} or
 * {@code int} return counts the matching records and a {@code boolean} one tells whether
 * any matches. {@code Sort}, {@code Pageable}, {@code Limit} and {@code ScrollPosition}
 * parameters apply as they do to derived queries.
 *
 * <pre class="code">
 * &#64;ApiQuery(value = { "status=published", "views__gte=:views" }, orderBy = "-views")
 * List&lt;Article&gt; popular(int views);
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiQuery {

	/**
	 * The lookups, {@code field__lookup=value}, joined with AND; none for every record.
	 * @return the lookups
	 */
	String[] value() default {};

	/**
	 * The ordering, as in {@link QuerySet#orderBy(String...)}: field names, {@code -} for
	 * descending; a {@code Sort} or {@code Pageable} argument's order comes after it.
	 * @return the fields to order by
	 */
	String[] orderBy() default {};

}
